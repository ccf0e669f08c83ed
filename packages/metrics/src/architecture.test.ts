import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without types, shared with `npm run lint`.
import { checkImports } from '../../../scripts/check-imports.mjs';

describe('dependency direction', () => {
  it('packages never import apps, and metrics imports no web framework', () => {
    expect(checkImports()).toEqual([]);
  });
});
