import type { StockpulseEvent } from '@stockpulse/metrics';
import { configure, emptySummary, sendSized, SendError, type Config, type SendOptions, type SendSummary } from './ingest-client.js';

export { SendError, retryAfterMs, type RejectedEvent, type RetryInfo, type SendOptions, type SendProgress, type SendSummary } from './ingest-client.js';

type Item = StockpulseEvent | readonly StockpulseEvent[];
/** Events one by one or in chunks, from an array, a generator or an async generator. */
export type EventSource = Iterable<Item> | AsyncIterable<Item>;

const IDLE = Symbol('idle');

/** Runs up to `concurrency` batches at once; the first fatal error stops the pipeline. */
class Pipeline {
  private readonly inFlight = new Set<Promise<void>>();
  failure: unknown;
  buffer: StockpulseEvent[] = [];

  constructor(
    private readonly cfg: Config,
    readonly summary: SendSummary,
  ) {}

  add(item: Item): void {
    if (Array.isArray(item)) for (const e of item as readonly StockpulseEvent[]) this.buffer.push(e);
    else this.buffer.push(item as StockpulseEvent);
  }

  /** Sends full batches; with `all`, the remainder too. Waits while all slots are busy. */
  async drain(all: boolean): Promise<void> {
    const size = this.cfg.batchSize;
    let i = 0;
    while (this.failure === undefined && (this.buffer.length - i >= size || (all && i < this.buffer.length))) {
      await this.launch(this.buffer.slice(i, i + size));
      i += size;
    }
    this.buffer = i >= this.buffer.length ? [] : this.buffer.slice(i);
  }

  private async launch(batch: StockpulseEvent[]): Promise<void> {
    while (this.inFlight.size >= this.cfg.concurrency) await Promise.race(this.inFlight);
    if (this.failure !== undefined) return;
    const p: Promise<void> = sendSized(this.cfg, batch, this.summary)
      .catch((err: unknown) => {
        this.failure ??= err;
      })
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
  }
}

async function pullSync(source: Iterable<Item>, pipe: Pipeline): Promise<void> {
  for (const item of source) {
    pipe.add(item);
    await pipe.drain(false);
    if (pipe.failure !== undefined) return;
  }
}

/** Pulls an async source; when it goes quiet (live mode), the partial batch is sent after `lingerMs`. */
async function pullAsync(source: AsyncIterable<Item>, pipe: Pipeline, lingerMs: number): Promise<void> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  try {
    for (;;) {
      let result: IteratorResult<Item> | typeof IDLE;
      if (pipe.buffer.length > 0) {
        let timer: NodeJS.Timeout | undefined;
        const idle = new Promise<typeof IDLE>((resolve) => (timer = setTimeout(resolve, lingerMs, IDLE)));
        result = await Promise.race([next, idle]);
        clearTimeout(timer);
      } else {
        result = await next;
      }
      if (result === IDLE) {
        await pipe.drain(true);
      } else {
        if (result.done) return;
        pipe.add(result.value);
        await pipe.drain(false);
        next = it.next();
      }
      if (pipe.failure !== undefined) return;
    }
  } finally {
    if (pipe.failure !== undefined) await it.return?.();
  }
}

/**
 * Sends every event of `source` and resolves with the totals. Rejected events do not
 * throw (they are counted, with samples); transport failures and 4xx answers reject with a
 * SendError whose `summary` holds what was done before.
 */
export async function sendBatches(source: EventSource, opts: SendOptions): Promise<SendSummary> {
  const cfg = configure(opts);
  const pipe = new Pipeline(cfg, emptySummary());
  try {
    if (Symbol.asyncIterator in source) await pullAsync(source as AsyncIterable<Item>, pipe, cfg.lingerMs);
    else await pullSync(source as Iterable<Item>, pipe);
    await pipe.drain(true);
  } finally {
    await pipe.settle();
  }
  if (pipe.failure !== undefined) {
    const err = pipe.failure instanceof SendError ? pipe.failure : new SendError(String(pipe.failure));
    if (!(pipe.failure instanceof SendError) && pipe.failure instanceof Error) err.cause = pipe.failure;
    err.summary = pipe.summary;
    throw err;
  }
  return pipe.summary;
}
