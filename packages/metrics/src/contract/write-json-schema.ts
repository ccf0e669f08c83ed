import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { eventSchema } from './events.js';

/** Writes the JSON Schema of the event contract, generated from the zod schemas (run by the build). */
export function eventJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://stockpulse.dev/schemas/event.v1.json',
    title: 'Stockpulse event (v1)',
    description: 'Generated from packages/metrics/src/contract/events.ts. Do not edit by hand.',
    ...(z.toJSONSchema(eventSchema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>),
  };
}

// Run as a script by the build: `node dist/contract/write-json-schema.js <file>`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2]) {
  writeFileSync(process.argv[2], `${JSON.stringify(eventJsonSchema(), null, 2)}\n`);
}
