/**
 * Malformed bodies and events for POST /v1/events, with the answer each must get
 * (shared/spec/api.md "Ingest", shared/spec/events.md). Used by
 * routes/events.integration.test.ts; the load tests and a fuzzer can reuse it.
 *
 * Every event id is unique across the corpus (prefix `bic-<slug>-`), so all entries can
 * run against one store in order. Entries that, while their bug is open, stop the writer
 * (the store refuses the insert and the writer retries it forever) are marked
 * `wedgesWriter` and come last.
 */

export const CORPUS_NOW = '2026-06-01T12:00:00.000Z';
const NOW_MS = Date.parse(CORPUS_NOW);
const PAST = '2026-05-20T09:30:00Z';

export interface ExpectedRejection {
  index: number;
  /** The id the answer must name; `null` when the event has no usable id. */
  id: string | null;
  /** Must match one of the event's error strings (usually the field path). */
  error: RegExp;
}

export interface CorpusEntry {
  name: string;
  /** `undefined`: no Content-Type header at all. */
  contentType: string | undefined;
  body: string | Buffer;
  expectStatus: number;
  expectCode?: string;
  /** For 200 answers. */
  expectAccepted?: number;
  expectRejected?: ExpectedRejection[];
  /** In events_raw exactly once after a flush. */
  stored?: string[];
  /** Never in events_raw. */
  notStored?: string[];
  /** See the file comment. */
  wedgesWriter?: boolean;
}

type Json = Record<string, unknown>;
const JSON_CT = 'application/json';
const NDJSON_CT = 'application/x-ndjson';

const idOf = (slug: string, part: string) => `bic-${slug}-${part}`;

export function placed(id: string, data: Json = {}, over: Json = {}): Json {
  return {
    id,
    type: 'order.placed',
    occurred_at: PAST,
    source: 'corpus',
    data: { order_id: `order-${id}`, customer_id: 'cust-1', lines: [{ sku: 'SKU-1', qty: 2, unit_price: 9.99 }], ...data },
    ...over,
  };
}

const feedback = (id: string, data: Json): Json => ({ id, type: 'feedback.submitted', occurred_at: PAST, data: { customer_id: 'cust-1', ...data } });
const statusChanged = (id: string, status: unknown): Json => ({ id, type: 'order.status_changed', occurred_at: PAST, data: { order_id: 'order-x', status } });
const stockMoved = (id: string, reason: unknown): Json => ({ id, type: 'stock.moved', occurred_at: PAST, data: { sku: 'SKU-1', qty_delta: -1, reason } });
const lineWith = (over: Json) => ({ lines: [{ sku: 'SKU-1', qty: 2, unit_price: 9.99, ...over }] });
const future = (ms: number) => new Date(NOW_MS + ms).toISOString();
const HOUR = 3_600_000;

interface ViolationOptions {
  /** The id the answer must name, from the bad event's id; `null`: none. Default: the id itself. */
  rejectedId?: (id: string) => string | null;
  /** Rewrites the JSON text (for what JSON.stringify cannot write, like 1e400). */
  rewrite?: (json: string) => string;
}

/** A batch `[good, bad, good]`: 200, only the middle one rejected, naming its id and the field. */
function violation(what: string, error: RegExp, bad: (id: string) => unknown, opts: ViolationOptions = {}): CorpusEntry {
  const slug = what.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  const [a, b, c] = [idOf(slug, 'a'), idOf(slug, 'b'), idOf(slug, 'c')];
  const json = JSON.stringify([placed(a), bad(b), placed(c)]);
  return {
    name: `event-level: ${what}`,
    contentType: JSON_CT,
    body: opts.rewrite ? opts.rewrite(json) : json,
    expectStatus: 200,
    expectAccepted: 2,
    expectRejected: [{ index: 1, id: opts.rejectedId ? opts.rejectedId(b) : b, error }],
    stored: [a, c],
    notStored: [b],
  };
}

const noId = { rejectedId: () => null };

/** A whole-body failure: the status, the error code, and nothing stored. */
function bodyError(name: string, contentType: string | undefined, body: string | Buffer, expectStatus: number, expectCode: string, notStored: string[] = []): CorpusEntry {
  return { name, contentType, body, expectStatus, expectCode, notStored };
}

function accepted(name: string, contentType: string, events: Json[], body: string = JSON.stringify(events)): CorpusEntry {
  const ids = events.map((e) => e.id as string);
  return { name, contentType, body, expectStatus: 200, expectAccepted: events.length, expectRejected: [], stored: ids };
}

const validBody = (slug: string) => JSON.stringify([placed(idOf(slug, 'a'))]);
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
/** A valid batch of one event whose id has `bytes` (not UTF-8) in the middle. */
export function invalidUtf8(slug: string, bytes: number[]): Buffer {
  const parts = JSON.stringify([placed(idOf(slug, 'x@y'), { order_id: 'order-utf8' })]).split('@');
  if (parts.length !== 2) throw new Error('the marker must occur once');
  return Buffer.concat([Buffer.from(parts[0] as string), Buffer.from(bytes), Buffer.from(parts[1] as string)]);
}
const manyEvents = (slug: string, n: number) => Array.from({ length: n }, (_, i) => placed(idOf(slug, String(i))));

function bodyLevel(): CorpusEntry[] {
  const truncated = validBody('truncated');
  return [
    bodyError('not JSON at all', JSON_CT, 'hello, world', 400, 'invalid_body'),
    bodyError('truncated JSON', JSON_CT, truncated.slice(0, truncated.length - 7), 400, 'invalid_body', [idOf('truncated', 'a')]),
    bodyError('truncated {"events": [', JSON_CT, '{"events": [', 400, 'invalid_body'),
    bodyError('JSON number', JSON_CT, '42', 400, 'invalid_body'),
    bodyError('JSON string', JSON_CT, '"events"', 400, 'invalid_body'),
    bodyError('JSON true', JSON_CT, 'true', 400, 'invalid_body'),
    bodyError('JSON null', JSON_CT, 'null', 400, 'invalid_body'),
    bodyError('object without events', JSON_CT, JSON.stringify({ data: [placed(idOf('no-events', 'a'))] }), 400, 'invalid_body', [idOf('no-events', 'a')]),
    bodyError('empty object', JSON_CT, '{}', 400, 'invalid_body'),
    bodyError('{"events": "x"}', JSON_CT, '{"events": "x"}', 400, 'invalid_body'),
    bodyError('{"events": null}', JSON_CT, '{"events": null}', 400, 'invalid_body'),
    bodyError('{"events": {...}} (an object, not an array)', JSON_CT, JSON.stringify({ events: { 0: placed(idOf('events-obj', 'a')) } }), 400, 'invalid_body', [idOf('events-obj', 'a')]),
    bodyError('empty body', JSON_CT, '', 400, 'invalid_body'),
    bodyError('whitespace body', JSON_CT, ' \n\t\r\n ', 400, 'invalid_body'),
    // RFC 8259 lets a parser either ignore a BOM or refuse it; we refuse it, clearly.
    bodyError('BOM-prefixed JSON', JSON_CT, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(validBody('bom'))]), 400, 'invalid_body', [idOf('bom', 'a')]),
    bodyError('NaN literal', JSON_CT, `[${JSON.stringify(placed(idOf('nan', 'a'))).replace('"qty":2', '"qty":NaN')}]`, 400, 'invalid_body', [idOf('nan', 'a')]),
    bodyError('Infinity literal', JSON_CT, '[Infinity]', 400, 'invalid_body'),
    bodyError('-Infinity literal', JSON_CT, `[${JSON.stringify(placed(idOf('ninf', 'a'))).replace('"unit_price":9.99', '"unit_price":-Infinity')}]`, 400, 'invalid_body'),
    bodyError('single-quoted JSON', JSON_CT, "[{'id': 'x'}]", 400, 'invalid_body'),
    bodyError('trailing comma', JSON_CT, `[${JSON.stringify(placed(idOf('trailing-comma', 'a')))},]`, 400, 'invalid_body', [idOf('trailing-comma', 'a')]),
    bodyError('two JSON documents back to back', JSON_CT, `${validBody('two-docs')}${validBody('two-docs')}`, 400, 'invalid_body', [idOf('two-docs', 'a')]),
    bodyError('100k unclosed [', JSON_CT, '['.repeat(100_000), 400, 'invalid_body'),
    {
      name: '100k nested arrays, closed: one event that is not an object',
      contentType: JSON_CT,
      body: `[${nested(100_000)}]`,
      expectStatus: 200,
      expectAccepted: 0,
      expectRejected: [{ index: 0, id: null, error: /must be a JSON object/ }],
    },
    // JSON is UTF-8 (RFC 8259 §8.1). Decoding bad bytes to U+FFFD changes the id, so two
    // different byte strings become one id and the second is answered "duplicate".
    bodyError('invalid UTF-8 (0xFF) inside an id', JSON_CT, invalidUtf8('utf8-ff', [0xff]), 400, 'invalid_body', [idOf('utf8-ff', 'x\ufffdy')]),
    bodyError('invalid UTF-8 (overlong 0xC0 0xAF) inside an id', JSON_CT, invalidUtf8('utf8-overlong', [0xc0, 0xaf]), 400, 'invalid_body', [idOf('utf8-overlong', 'x\ufffd\ufffdy')]),
    bodyError('invalid UTF-8 (lone continuation 0x80) inside an id', JSON_CT, invalidUtf8('utf8-cont', [0x80]), 400, 'invalid_body', [idOf('utf8-cont', 'x\ufffdy')]),
  ];
}

function limitsAndTypes(): CorpusEntry[] {
  const overCount = manyEvents('over-count', 10_001);
  return [
    bodyError('10,001 events (JSON array)', JSON_CT, JSON.stringify(overCount), 413, 'payload_too_large', [idOf('over-count', '0'), idOf('over-count', '10000')]),
    bodyError('10,001 events ({"events": [...]})', JSON_CT, JSON.stringify({ events: overCount }), 413, 'payload_too_large', [idOf('over-count', '0')]),
    bodyError('10,001 events (NDJSON)', NDJSON_CT, overCount.map((e) => JSON.stringify(e)).join('\n'), 413, 'payload_too_large', [idOf('over-count', '0')]),
    accepted('exactly 10,000 events', JSON_CT, manyEvents('max-count', 10_000)),
    bodyError('body over 10 MiB', JSON_CT, `[${JSON.stringify(placed(idOf('huge-body', 'a'), { pad: 'x'.repeat(10 * 1024 * 1024) }))}]`, 413, 'payload_too_large', [idOf('huge-body', 'a')]),
    bodyError('text/plain', 'text/plain', validBody('ct-text'), 415, 'unsupported_media_type', [idOf('ct-text', 'a')]),
    bodyError('text/csv', 'text/csv', 'id,type\nx,order.placed\n', 415, 'unsupported_media_type'),
    bodyError('application/xml', 'application/xml', '<events><event id="x"/></events>', 415, 'unsupported_media_type'),
    bodyError('multipart/form-data', 'multipart/form-data; boundary=zz', `--zz\r\nContent-Disposition: form-data; name="events"\r\n\r\n${validBody('ct-multipart')}\r\n--zz--\r\n`, 415, 'unsupported_media_type', [idOf('ct-multipart', 'a')]),
    bodyError('application/x-www-form-urlencoded', 'application/x-www-form-urlencoded', `events=${encodeURIComponent(validBody('ct-form'))}`, 415, 'unsupported_media_type', [idOf('ct-form', 'a')]),
    bodyError('application/json-patch+json', 'application/json-patch+json', validBody('ct-patch'), 415, 'unsupported_media_type', [idOf('ct-patch', 'a')]),
    bodyError('no Content-Type header', undefined, validBody('ct-none'), 415, 'unsupported_media_type', [idOf('ct-none', 'a')]),
    accepted('application/json; charset=utf-8', 'application/json; charset=utf-8', [placed(idOf('ct-charset', 'a'))]),
    accepted('application/json;charset=UTF-8', 'application/json;charset=UTF-8', [placed(idOf('ct-charset-upper', 'a'))]),
    accepted('Application/JSON (media types are case-insensitive)', 'Application/JSON', [placed(idOf('ct-case', 'a'))]),
    accepted('application/x-ndjson; charset=utf-8', 'application/x-ndjson; charset=utf-8', [placed(idOf('ct-nd-charset', 'a'))], JSON.stringify(placed(idOf('ct-nd-charset', 'a')))),
  ];
}

function ndjson(): CorpusEntry[] {
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((p) => idOf('nd-mix', p)) as [string, string, string, string];
  const crlf = [placed(idOf('nd-crlf', 'a')), placed(idOf('nd-crlf', 'b'))];
  return [
    bodyError('NDJSON, every line broken', NDJSON_CT, '{"id": \nnot json\n[1,\n', 400, 'invalid_body'),
    {
      name: 'NDJSON, a mix of good, broken, blank and non-object lines',
      contentType: NDJSON_CT,
      body: [JSON.stringify(placed(a)), '{"id": "broken', '', JSON.stringify(placed(b)), '[1, 2]', '   ', JSON.stringify(placed(c)), `${JSON.stringify(placed(d)).slice(0, 30)}`].join('\n'),
      expectStatus: 200,
      expectAccepted: 3,
      // Indexes count non-blank lines.
      expectRejected: [
        { index: 1, id: null, error: /not valid JSON/ },
        { index: 3, id: null, error: /must be a JSON object/ },
        { index: 5, id: null, error: /not valid JSON/ },
      ],
      stored: [a, b, c],
      notStored: [d],
    },
    accepted('NDJSON with CRLF line ends and a trailing newline', NDJSON_CT, crlf, `${crlf.map((e) => JSON.stringify(e)).join('\r\n')}\r\n`),
  ];
}

function numbersAndKeys(): CorpusEntry[] {
  const protoEnvelope = `[${JSON.stringify(placed(idOf('proto-env', 'a')))}, {"__proto__": ${JSON.stringify(placed(idOf('proto-env', 'b')))}}]`;
  const protoWrapper = `{"__proto__": {"events": [${JSON.stringify(placed(idOf('proto-wrap', 'a')))}]}}`;
  const protoData = JSON.stringify([placed(idOf('proto-data', 'a'))]).replace('"order_id"', '"__proto__": {"channel": "injected", "polluted": true}, "order_id"');
  const ctorData = JSON.stringify([placed(idOf('ctor-data', 'a'), { constructor: { prototype: { polluted: true } } })]);
  return [
    violation('qty 1e400 (Infinity once parsed)', /^data\.lines\[0\]\.qty: /, (id) => placed(id, lineWith({ qty: 1 })), {
      rewrite: (json) => json.replace('"qty":1,', '"qty":1e400,'),
    }),
    violation('qty beyond 2^53', /^data\.lines\[0\]\.qty: /, (id) => placed(id, lineWith({ qty: 2 ** 53 + 2 }))),
    violation('unit_price 1e300', /^data\.lines\[0\]\.unit_price: /, (id) => placed(id, lineWith({ unit_price: 1e300 }))),
    accepted('a huge number in an unknown field is kept', JSON_CT, [placed(idOf('huge-unknown', 'a'), { weight: 1.7976931348623157e308 })]),
    {
      name: 'duplicate keys: the last one wins',
      contentType: JSON_CT,
      body: JSON.stringify([placed(idOf('dup-keys', 'last'))]).replace('[{', `[{"id":"${idOf('dup-keys', 'ignored')}",`),
      expectStatus: 200,
      expectAccepted: 1,
      expectRejected: [],
      stored: [idOf('dup-keys', 'last')],
      notStored: [idOf('dup-keys', 'ignored')],
    },
    {
      name: '__proto__ as the envelope: its fields are not inherited',
      contentType: JSON_CT,
      body: protoEnvelope,
      expectStatus: 200,
      expectAccepted: 1,
      expectRejected: [{ index: 1, id: null, error: /^id: / }],
      stored: [idOf('proto-env', 'a')],
      notStored: [idOf('proto-env', 'b')],
    },
    bodyError('__proto__ carrying {"events": [...]}', JSON_CT, protoWrapper, 400, 'invalid_body', [idOf('proto-wrap', 'a')]),
    { name: '__proto__ inside data', contentType: JSON_CT, body: protoData, expectStatus: 200, expectAccepted: 1, expectRejected: [], stored: [idOf('proto-data', 'a')] },
    { name: 'constructor.prototype inside data', contentType: JSON_CT, body: ctorData, expectStatus: 200, expectAccepted: 1, expectRejected: [], stored: [idOf('ctor-data', 'a')] },
  ];
}

function eventLevel(): CorpusEntry[] {
  return [
    violation('missing id', /^id: /, (id) => ({ ...placed(id), id: undefined }), noId),
    violation('id is a number', /^id: /, (id) => ({ ...placed(id), id: 1 }), noId),
    violation('id is null', /^id: /, (id) => ({ ...placed(id), id: null }), noId),
    violation('id of 129 chars (named by its first 128)', /^id: /, (id) => placed(id.padEnd(129, 'x')), { rejectedId: (id) => id.padEnd(128, 'x') }),
    violation('unknown type', /^type: /, (id) => ({ ...placed(id), type: 'order.exploded' })),
    violation('missing type', /^type: /, (id) => ({ ...placed(id), type: undefined })),
    violation('missing data', /^data: /, (id) => ({ ...placed(id), data: undefined })),
    violation('data is an array', /^data: /, (id) => ({ ...placed(id), data: [] })),
    violation('occurred_at without offset', /^occurred_at: /, (id) => ({ ...placed(id), occurred_at: '2026-05-20T09:30:00' })),
    violation('occurred_at 2026-02-30', /^occurred_at: /, (id) => ({ ...placed(id), occurred_at: '2026-02-30T09:30:00Z' })),
    violation('occurred_at as epoch millis', /^occurred_at: /, (id) => ({ ...placed(id), occurred_at: NOW_MS })),
    violation('occurred_at more than 24 h in the future', /^occurred_at: .*future/, (id) => ({ ...placed(id), occurred_at: future(24 * HOUR + 60_000) })),
    violation('qty "5" (a string)', /^data\.lines\[0\]\.qty: /, (id) => placed(id, lineWith({ qty: '5' }))),
    violation('unit_price "9.99" (a string)', /^data\.lines\[0\]\.unit_price: /, (id) => placed(id, lineWith({ unit_price: '9.99' }))),
    violation('customer_id 1 (a number)', /^data\.customer_id: /, (id) => placed(id, { customer_id: 1 })),
    violation('order_id null', /^data\.order_id: /, (id) => placed(id, { order_id: null })),
    violation('missing data.lines[0].qty', /^data\.lines\[0\]\.qty: /, (id) => placed(id, { lines: [{ sku: 'SKU-1', unit_price: 1 }] })),
    violation('qty 0', /^data\.lines\[0\]\.qty: /, (id) => placed(id, lineWith({ qty: 0 }))),
    violation('qty -1', /^data\.lines\[0\]\.qty: /, (id) => placed(id, lineWith({ qty: -1 }))),
    violation('qty 1.5', /^data\.lines\[0\]\.qty: /, (id) => placed(id, lineWith({ qty: 1.5 }))),
    violation('backordered_qty > qty', /^data\.lines\[0\]\.backordered_qty: /, (id) => placed(id, lineWith({ qty: 2, backordered_qty: 3 }))),
    violation('unit_price with 5 decimals', /^data\.lines\[0\]\.unit_price: /, (id) => placed(id, lineWith({ unit_price: 1.23456 }))),
    violation('negative unit_price', /^data\.lines\[0\]\.unit_price: /, (id) => placed(id, lineWith({ unit_price: -1 }))),
    violation('promised_date 2026-02-30', /^data\.lines\[0\]\.promised_date: /, (id) => placed(id, lineWith({ promised_date: '2026-02-30' }))),
    violation('empty lines', /^data\.lines: /, (id) => placed(id, { lines: [] })),
    violation('501 lines', /^data\.lines: /, (id) => placed(id, { lines: Array.from({ length: 501 }, (_, i) => ({ sku: `S${i}`, qty: 1, unit_price: 1 })) })),
    violation('duplicate sku in one order', /^data\.lines\[1\]\.sku: .*duplicate/, (id) => placed(id, { lines: [{ sku: 'S', qty: 1, unit_price: 1 }, { sku: 'S', qty: 2, unit_price: 1 }] })),
    violation('order_id of 129 chars', /^data\.order_id: /, (id) => placed(id, { order_id: 'o'.repeat(129) })),
    violation('nps 11', /^data\.nps: /, (id) => feedback(id, { nps: 11 })),
    violation('nps -1', /^data\.nps: /, (id) => feedback(id, { nps: -1 })),
    violation('feedback text of 5001 chars', /^data\.text: /, (id) => feedback(id, { text: 'é'.repeat(5001) })),
    violation('feedback without nps or text', /^data: .*nps/, (id) => feedback(id, { order_id: 'order-1' })),
    violation('unknown order status', /^data\.status: /, (id) => statusChanged(id, 'teleported')),
    violation('unknown stock reason', /^data\.reason: /, (id) => stockMoved(id, 'theft')),
    violation('an event that is a string', /must be a JSON object/, () => 'order.placed', noId),
    violation('an event that is null', /must be a JSON object/, () => null, noId),
    violation('an event that is an array', /must be a JSON object/, (id) => [placed(id)], noId),
  ];
}

function idsAndStrings(): CorpusEntry[] {
  return [
    accepted('ids with unicode: accents, CJK, emoji, RTL, zero-width', JSON_CT, [
      placed(idOf('unicode', 'ü-日本-😀')),
      placed(idOf('unicode', 'שלום-\u200b-\u202e')),
      // Not normalised: é precomposed and e + combining acute are two ids.
      placed(idOf('unicode', '\u00e9')),
      placed(idOf('unicode', 'e\u0301')),
    ]),
    accepted('ids with control characters', JSON_CT, [placed(idOf('control', '\u0000-\u0007-\n-\t-\u001f-\u007f'))]),
    accepted('ids that look like SQL or paths', JSON_CT, [placed(`${idOf('sqlish', 'a')}'); DROP TABLE events_raw; --`), placed(`${idOf('pathish', 'a')}/../../etc/passwd`)]),
    accepted('a 128-char id and 64-char source', JSON_CT, [placed(idOf('long-id', 'a').padEnd(128, 'z'), { order_id: 'o'.repeat(128) }, { source: 's'.repeat(64) })]),
    accepted('a 5000-char feedback text and a 1 MiB unknown field', JSON_CT, [
      feedback(idOf('long-text', 'a'), { text: 'good '.repeat(1000) }),
      placed(idOf('long-unknown', 'a'), { notes: 'n'.repeat(1024 * 1024) }),
    ]),
    violation('source of 65 chars', /^source: /, (id) => ({ ...placed(id), source: 's'.repeat(65) })),
    // A lone surrogate is valid JSON ("\ud800") but not text the store can hold or the id index
    // can tell apart; an id that is not text cannot be named back.
    violation('an id with a lone surrogate', /^id: /, (id) => placed(`${id}-\ud800`), noId),
    violation('a source with a lone surrogate', /^source: /, (id) => ({ ...placed(id), source: 'shop-\udc00' })),
    violation('a lone surrogate deep inside data', /^data\.lines\[0\]\.sku: /, (id) => placed(id, lineWith({ sku: 'SKU-\ud83d' }))),
    {
      // A JSON string of depth 100k inside data: serialising it for the log overflows the
      // stack. The answer must still be a 200 that keeps the good events.
      name: 'an unknown field nested 100k deep, between two good events',
      contentType: JSON_CT,
      body: JSON.stringify([placed(idOf('deep-data', 'a')), placed(idOf('deep-data', 'b'), { extra: '@@' }), placed(idOf('deep-data', 'c'))]).replace('"@@"', nested(100_000)),
      expectStatus: 200,
      stored: [idOf('deep-data', 'a'), idOf('deep-data', 'c')],
    },
  ];
}

/** Accepted, then refused by the store for a reason the writer treats as retryable: it retries forever. */
function writerWedging(): CorpusEntry[] {
  const months = Array.from({ length: 101 }, (_, i) => placed(idOf('backfill-101-months', String(i)), {}, { occurred_at: new Date(Date.UTC(2017, i, 15, 12)).toISOString() }));
  return [
    // "Any past time is accepted": a backfill of 101 months in one request. order_lines is
    // partitioned by month; ClickHouse refuses an insert touching more than 100 partitions.
    accepted('a backfill spanning 101 months in one request', JSON_CT, months),
  ].map((e) => ({ ...e, wedgesWriter: true }));
}

export const BAD_INPUT_CORPUS: CorpusEntry[] = [...bodyLevel(), ...limitsAndTypes(), ...ndjson(), ...numbersAndKeys(), ...eventLevel(), ...idsAndStrings(), ...writerWedging()];
