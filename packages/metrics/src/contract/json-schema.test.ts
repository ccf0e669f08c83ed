import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from './events.js';
import { eventJsonSchema } from './write-json-schema.js';

const committed = fileURLToPath(new URL('../../../../docs/events.schema.json', import.meta.url));

describe('published JSON Schema of the event contract', () => {
  it('is the one generated from the zod schemas (run the build to refresh it)', () => {
    expect(JSON.parse(readFileSync(committed, 'utf8'))).toEqual(JSON.parse(JSON.stringify(eventJsonSchema())));
  });
  it('describes every event type', () => {
    const text = JSON.stringify(eventJsonSchema());
    for (const t of EVENT_TYPES) expect(text).toContain(`"${t}"`);
  });
});
