import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
  it('follows same-origin paths only', () => {
    expect(safeNext('/kpi/nps?period=7d')).toBe('/kpi/nps?period=7d');
    for (const bad of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', '/login?next=/', null, '']) {
      expect(safeNext(bad)).toBe('/');
    }
  });
});
