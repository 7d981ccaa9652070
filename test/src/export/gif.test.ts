// The GIF writer: a GIF89a that loops, one image and one graphic control extension per frame, with the sizes and delays given, read back block by block.
import { describe, expect, it } from 'vitest';
import { createGifWriter } from '../../../src/export/gif.ts';
import { readGifBlocks } from '../../e2e/gif-blocks.ts';

/** A `width × height` RGBA frame: a red band that moves down by `shift` rows over a dark background. */
function frame(width: number, height: number, shift: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const band = (y - shift + height) % height < 3;
      rgba.set(band ? [255, 79, 154, 255] : [14, 16, 22, 255], i);
    }
  return rgba;
}

describe('gif writer', () => {
  it('writes a looping GIF89a with one frame per call, each with its delay', () => {
    const writer = createGifWriter();
    const delays = [130, 120, 1_500];
    for (const [i, delay] of delays.entries()) writer.addFrame(frame(40, 30, i * 5), 40, 30, delay);
    expect(writer.frames).toBe(3);
    const info = readGifBlocks(writer.finish());
    expect(info.signature).toBe('GIF89a');
    expect([info.width, info.height]).toEqual([40, 30]);
    expect(info.loops).toBe(0);
    expect(info.graphicControlExtensions).toBe(3);
    expect(info.frames.map((f) => f.delayCs)).toEqual([13, 12, 150]);
    expect(info.frames.every((f) => f.width === 40 && f.height === 30)).toBe(true);
    // The first frame's palette is the global one; later frames bring their own.
    expect(info.frames.map((f) => f.localPalette)).toEqual([false, true, true]);
  });

  it('refuses a frame of another size or with the wrong number of bytes', () => {
    const writer = createGifWriter();
    writer.addFrame(frame(8, 8, 0), 8, 8, 130);
    expect(() => writer.addFrame(frame(8, 9, 0), 8, 9, 130)).toThrow(/8×8/);
    expect(() => writer.addFrame(new Uint8ClampedArray(10), 8, 8, 130)).toThrow(/256 bytes/);
  });

  it('reads a truncated file as broken, not as fewer frames', () => {
    const writer = createGifWriter();
    writer.addFrame(frame(20, 20, 0), 20, 20, 130);
    writer.addFrame(frame(20, 20, 4), 20, 20, 130);
    const bytes = writer.finish();
    expect(() => readGifBlocks(bytes.subarray(0, bytes.length - 20))).toThrow(/truncated/);
  });
});
