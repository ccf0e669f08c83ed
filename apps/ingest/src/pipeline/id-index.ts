/**
 * The set of every event id ever accepted, as 64-bit hashes (murmurHash3_32 and
 * xxHash32 of the UTF-8 id, the same functions ClickHouse has, so the set is loaded
 * from events_raw on start). Open addressing in two Uint32Arrays: 8 bytes a slot,
 * 128 MiB for up to 13M ids. Used to answer "duplicate" at ingest time; KPIs do not
 * depend on it (derived tables are read deduplicated by event id).
 *
 * A false "duplicate" needs two ids with the same 64-bit hash: about 3 in a million at
 * 10M ids for the whole store's life.
 */
export class IdIndex {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 20) {
    const cap = 1 << Math.ceil(Math.log2(Math.max(16, capacity)));
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.mask = cap - 1;
  }

  /** Adds a hash pair; returns false when it was already there. (0,0) is remapped to (0,1). */
  addHash(h1: number, h2: number): boolean {
    if (h1 === 0 && h2 === 0) h2 = 1;
    // Grow at 80% full: linear probing stays short enough, and 10M ids fit 2^24 slots (128 MiB).
    if ((this.size + 1) * 10 > this.hi.length * 8) this.grow();
    let i = (h1 ^ Math.imul(h2, 0x9e3779b1)) & this.mask;
    for (;;) {
      const a = this.hi[i] as number;
      const b = this.lo[i] as number;
      if (a === 0 && b === 0) {
        this.hi[i] = h1;
        this.lo[i] = h2;
        this.size++;
        return true;
      }
      if (a === h1 && b === h2) return false;
      i = (i + 1) & this.mask;
    }
  }

  hasHash(h1: number, h2: number): boolean {
    if (h1 === 0 && h2 === 0) h2 = 1;
    let i = (h1 ^ Math.imul(h2, 0x9e3779b1)) & this.mask;
    for (;;) {
      const a = this.hi[i] as number;
      const b = this.lo[i] as number;
      if (a === 0 && b === 0) return false;
      if (a === h1 && b === h2) return true;
      i = (i + 1) & this.mask;
    }
  }

  /** Removes a hash pair (a request whose write to the log failed). Backward-shift deletion. */
  deleteHash(h1: number, h2: number): void {
    if (h1 === 0 && h2 === 0) h2 = 1;
    let i = (h1 ^ Math.imul(h2, 0x9e3779b1)) & this.mask;
    for (;;) {
      const a = this.hi[i] as number;
      const b = this.lo[i] as number;
      if (a === 0 && b === 0) return;
      if (a === h1 && b === h2) break;
      i = (i + 1) & this.mask;
    }
    let j = i;
    for (;;) {
      j = (j + 1) & this.mask;
      const a = this.hi[j] as number;
      const b = this.lo[j] as number;
      if (a === 0 && b === 0) break;
      const home = (a ^ Math.imul(b, 0x9e3779b1)) & this.mask;
      // Move j back to i when its home is not cyclically within (i, j].
      if ((j > i && (home <= i || home > j)) || (j < i && home <= i && home > j)) {
        this.hi[i] = a;
        this.lo[i] = b;
        i = j;
      }
    }
    this.hi[i] = 0;
    this.lo[i] = 0;
    this.size--;
  }

  add(id: string): boolean {
    const b = Buffer.from(id, 'utf8');
    return this.addHash(murmur3_32(b), xxhash32(b));
  }

  has(id: string): boolean {
    const b = Buffer.from(id, 'utf8');
    return this.hasHash(murmur3_32(b), xxhash32(b));
  }

  delete(id: string): void {
    const b = Buffer.from(id, 'utf8');
    this.deleteHash(murmur3_32(b), xxhash32(b));
  }

  private grow(): void {
    const { hi, lo } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    this.mask = this.hi.length - 1;
    this.size = 0;
    for (let i = 0; i < hi.length; i++) {
      const a = hi[i] as number;
      const b = lo[i] as number;
      if (a !== 0 || b !== 0) this.addHash(a, b);
    }
  }
}

/** MurmurHash3 x86 32-bit, seed 0 (ClickHouse `murmurHash3_32`). */
export function murmur3_32(key: Uint8Array): number {
  const len = key.length;
  const nblocks = len >>> 2;
  let h = 0;
  for (let i = 0; i < nblocks; i++) {
    const o = i * 4;
    let k = (key[o] as number) | ((key[o + 1] as number) << 8) | ((key[o + 2] as number) << 16) | ((key[o + 3] as number) << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  const tail = nblocks * 4;
  switch (len & 3) {
    case 3:
      k ^= (key[tail + 2] as number) << 16;
    // falls through
    case 2:
      k ^= (key[tail + 1] as number) << 8;
    // falls through
    case 1:
      k ^= key[tail] as number;
      k = Math.imul(k, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      k = Math.imul(k, 0x1b873593);
      h ^= k;
  }
  h ^= len;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const P1 = 0x9e3779b1;
const P2 = 0x85ebca77;
const P3 = 0xc2b2ae3d;
const P4 = 0x27d4eb2f;
const P5 = 0x165667b1;
const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));
const read32 = (b: Uint8Array, o: number) => ((b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16) | ((b[o + 3] as number) << 24)) >>> 0;

/** xxHash32, seed 0 (ClickHouse `xxHash32`). */
export function xxhash32(b: Uint8Array): number {
  const len = b.length;
  let i = 0;
  let h: number;
  if (len >= 16) {
    let v1 = (P1 + P2) | 0;
    let v2 = P2;
    let v3 = 0;
    let v4 = -P1 | 0;
    for (; i <= len - 16; i += 16) {
      v1 = Math.imul(rotl((v1 + Math.imul(read32(b, i), P2)) | 0, 13), P1);
      v2 = Math.imul(rotl((v2 + Math.imul(read32(b, i + 4), P2)) | 0, 13), P1);
      v3 = Math.imul(rotl((v3 + Math.imul(read32(b, i + 8), P2)) | 0, 13), P1);
      v4 = Math.imul(rotl((v4 + Math.imul(read32(b, i + 12), P2)) | 0, 13), P1);
    }
    h = (rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)) | 0;
  } else {
    h = P5;
  }
  h = (h + len) | 0;
  for (; i <= len - 4; i += 4) {
    h = Math.imul(rotl((h + Math.imul(read32(b, i), P3)) | 0, 17), P4);
  }
  for (; i < len; i++) {
    h = Math.imul(rotl((h + Math.imul(b[i] as number, P5)) | 0, 11), P1);
  }
  h ^= h >>> 15;
  h = Math.imul(h, P2);
  h ^= h >>> 13;
  h = Math.imul(h, P3);
  h ^= h >>> 16;
  return h >>> 0;
}
