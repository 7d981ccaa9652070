// Types for the parts of gifenc 1.0.3 (it ships none) that src/export/gif.ts uses. Declarations only.
declare module 'gifenc' {
  /** Colours as [r, g, b] (or [r, g, b, a] with an alpha format), 0–255. */
  export type Palette = number[][];

  export interface FrameOptions {
    /** Required for the first frame (it becomes the global colour table); later frames get it as a local table. */
    palette?: Palette;
    /** Milliseconds; written in hundredths of a second (rounded). */
    delay?: number;
    /** −1: play once, 0: loop forever (the default), n: loop n times. Read from the first frame only. */
    repeat?: number;
    transparent?: boolean;
    transparentIndex?: number;
    dispose?: number;
  }

  export interface Encoder {
    /** Appends one frame of palette indices (one byte per pixel, row by row). */
    writeFrame(index: Uint8Array, width: number, height: number, options?: FrameOptions): void;
    /** Writes the trailer; call once, after the last frame. */
    finish(): void;
    /** A copy of the bytes written so far. */
    bytes(): Uint8Array;
    /** A view of the bytes written so far (no copy). */
    bytesView(): Uint8Array;
  }

  export function GIFEncoder(options?: { initialCapacity?: number; auto?: boolean }): Encoder;

  /** Reduces RGBA pixels (4 bytes each) to at most `maxColors` colours. */
  export function quantize(
    rgba: Uint8Array | Uint8ClampedArray,
    maxColors: number,
    options?: { format?: 'rgb565' | 'rgb444' | 'rgba4444'; oneBitAlpha?: boolean | number },
  ): Palette;

  /** Each pixel's index of its nearest colour in `palette`. */
  export function applyPalette(
    rgba: Uint8Array | Uint8ClampedArray,
    palette: Palette,
    format?: 'rgb565' | 'rgb444' | 'rgba4444',
  ): Uint8Array;
}
