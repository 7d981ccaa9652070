// An open-addressing hash set of unordered node pairs on typed arrays, for rewiring without repeats. Pure data.

const EMPTY = 0xffffffff;
const DELETED = 0xfffffffe;

/**
 * Set of unordered pairs {u, v} of node ids below 2³² − 2, with linear probing. Slot `s` holds the
 * pair as `lowEnd[s] < highEnd[s]`; `lowEnd[s]` is EMPTY for a free slot and DELETED for a removed
 * one (tombstone). Sized at construction for at most `maxInsertions` insertions in its lifetime
 * (tombstones are never reused), at a load of at most one half.
 */
export class PairSet {
  private readonly lowEnd: Uint32Array;
  private readonly highEnd: Uint32Array;
  private readonly mask: number;

  constructor(maxInsertions: number) {
    let size = 16;
    while (size < 2 * maxInsertions) size *= 2;
    this.lowEnd = new Uint32Array(size).fill(EMPTY);
    this.highEnd = new Uint32Array(size);
    this.mask = size - 1;
  }

  /** Bytes a set built for `maxInsertions` insertions takes (for memory estimates). */
  static bytesFor(maxInsertions: number): number {
    let size = 16;
    while (size < 2 * maxInsertions) size *= 2;
    return 8 * size;
  }

  has(u: number, v: number): boolean {
    return this.find(Math.min(u, v), Math.max(u, v)) >= 0;
  }

  /** Adds {u, v}; does nothing if present. */
  add(u: number, v: number): void {
    const a = Math.min(u, v);
    const b = Math.max(u, v);
    if (this.find(a, b) >= 0) return;
    let slot = this.hash(a, b);
    while (this.lowEnd[slot] !== EMPTY) slot = (slot + 1) & this.mask;
    this.lowEnd[slot] = a;
    this.highEnd[slot] = b;
  }

  /** Removes {u, v} if present. */
  delete(u: number, v: number): void {
    const slot = this.find(Math.min(u, v), Math.max(u, v));
    if (slot >= 0) this.lowEnd[slot] = DELETED;
  }

  private find(a: number, b: number): number {
    let slot = this.hash(a, b);
    for (;;) {
      const low = this.lowEnd[slot]!;
      if (low === EMPTY) return -1;
      if (low === a && this.highEnd[slot] === b) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private hash(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h & this.mask;
  }
}
