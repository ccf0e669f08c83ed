import { writeFileSync } from 'node:fs';
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

const target = process.argv[2];
if (target) writeFileSync(target, `${JSON.stringify(eventJsonSchema(), null, 2)}\n`);
