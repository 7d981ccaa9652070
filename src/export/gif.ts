// Encodes RGBA frames into an animated GIF with gifenc, one frame per call so the caller can yield between frames. No DOM, no store.
import { applyPalette, GIFEncoder, quantize } from 'gifenc';

export interface GifWriter {
  /**
   * Appends a frame of `width × height` RGBA pixels (4 bytes each, row by row) shown for `delayMs` (a multiple of 10:
   * GIF counts hundredths of a second). Every frame must have the first frame's size.
   */
  addFrame(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, delayMs: number): void;
  /** Frames written so far. */
  readonly frames: number;
  /** Ends the file and returns its bytes; the writer takes no frames after. */
  finish(): Uint8Array<ArrayBuffer>;
}

/**
 * Encodes a small frame of many colours once, into nothing. The first full frame took ~100 ms in headless Chromium
 * (cold code: ~80 ms of it quantising), against 10–20 ms for later ones; warmed up on 64 × 64 pixels in a task of its
 * own (~20 ms), no frame's task passes 50 ms.
 */
export function warmUpGifEncoder(): void {
  const side = 64;
  const rgba = new Uint8ClampedArray(side * side * 4);
  for (let i = 0; i < side * side; i++) {
    // 320 colours spread over the cube (a multiplicative hash): enough merging to warm the code up, few enough to be quick.
    const hash = Math.imul((i % 320) + 1, 0x9e3779b1) >>> 0;
    rgba.set([hash & 255, (hash >>> 8) & 255, (hash >>> 16) & 255, 255], i * 4);
  }
  const palette = quantize(rgba, 256);
  // Into an encoder thrown away: the LZW compressor is cold code too.
  GIFEncoder().writeFrame(applyPalette(rgba, palette), side, side, { palette });
}

/**
 * A GIF89a that loops forever. Each frame gets its own 256-colour palette (quantised from that frame alone): the
 * trend colours spread over the run, so a palette taken from the first frame would lack the later ones.
 */
export function createGifWriter(): GifWriter {
  const encoder = GIFEncoder();
  let size: { width: number; height: number } | null = null;
  let frames = 0;
  let finished = false;
  return {
    addFrame(rgba, width, height, delayMs) {
      if (finished) throw new Error('The GIF is already finished.');
      if (rgba.length !== width * height * 4)
        throw new Error(`A ${width}×${height} frame needs ${width * height * 4} bytes, not ${rgba.length}.`);
      if (size && (size.width !== width || size.height !== height))
        throw new Error(`Every frame must be ${size.width}×${size.height}, not ${width}×${height}.`);
      size = { width, height };
      const palette = quantize(rgba, 256);
      encoder.writeFrame(applyPalette(rgba, palette), width, height, { palette, delay: delayMs, repeat: 0 });
      frames++;
    },
    get frames() {
      return frames;
    },
    finish() {
      if (!finished) encoder.finish();
      finished = true;
      return new Uint8Array(encoder.bytesView());
    },
  };
}
