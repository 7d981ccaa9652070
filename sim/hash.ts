// FNV-1a digests of typed arrays and numbers, for golden state hashes equal in Node and the browser. Pure.

/** Incremental 32-bit FNV-1a over bytes; `hex()` gives 8 hex digits. Two of them side by side give 64 bits. */
export class StateHasher {
  private low = 0x811c9dc5;
  private high = 0x01000193 ^ 0x5bd1e995;

  /** Feeds the bytes of a typed array (little-endian view, the same on every host we target). */
  addArray(array: ArrayBufferView): this {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    let low = this.low;
    let high = this.high;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      low = Math.imul(low ^ b, 0x01000193);
      high = Math.imul(high ^ b ^ (low >>> 24), 0x01000193);
    }
    this.low = low;
    this.high = high;
    return this;
  }

  /** Feeds one number as a float64. */
  addNumber(value: number): this {
    return this.addArray(new Float64Array([value]));
  }

  /** Feeds a string as UTF-16 code units. */
  addString(text: string): this {
    const units = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
    return this.addArray(units);
  }

  hex(): string {
    return (this.high >>> 0).toString(16).padStart(8, '0') + (this.low >>> 0).toString(16).padStart(8, '0');
  }
}
