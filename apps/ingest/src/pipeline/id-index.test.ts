import { describe, expect, it } from 'vitest';
import { IdIndex, murmur3_32, xxhash32 } from './id-index.js';

describe('id index', () => {
  it('hashes like ClickHouse murmurHash3_32 and xxHash32 (reference values)', () => {
    // Values printed by ClickHouse 26 for SELECT murmurHash3_32(s), xxHash32(s).
    expect(murmur3_32(Buffer.from(''))).toBe(0);
    expect(xxhash32(Buffer.from(''))).toBe(46947589);
    expect(murmur3_32(Buffer.from('abc'))).toBe(3017643002);
    expect(xxhash32(Buffer.from('abc'))).toBe(852579327);
  });
  it('adds, finds, deletes and grows without losing members', () => {
    const idx = new IdIndex(16);
    const n = 50_000;
    for (let i = 0; i < n; i++) expect(idx.add(`id-${i}`)).toBe(true);
    expect(idx.add('id-7')).toBe(false);
    expect(idx.size).toBe(n);
    for (let i = 0; i < n; i += 2) idx.delete(`id-${i}`);
    for (let i = 0; i < n; i++) expect(idx.has(`id-${i}`)).toBe(i % 2 === 1);
    for (let i = n; i < 2 * n; i++) expect(idx.has(`id-${i}`)).toBe(false);
    expect(idx.size).toBe(n / 2);
  });
});
