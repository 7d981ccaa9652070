// Test helper: walks a GIF's blocks (header, screen descriptor, colour tables, extensions, images, trailer) as the GIF89a spec lays them out, to count frames and read sizes and delays. Test-only; decodes no pixels.

export interface GifFrameInfo {
  readonly width: number;
  readonly height: number;
  /** From the graphic control extension before the image, in hundredths of a second (null without one). */
  readonly delayCs: number | null;
  readonly localPalette: boolean;
}

export interface GifInfo {
  readonly signature: string;
  /** The logical screen. */
  readonly width: number;
  readonly height: number;
  /** NETSCAPE2.0 loop count (0 = forever); null without the extension. */
  readonly loops: number | null;
  readonly frames: readonly GifFrameInfo[];
  readonly graphicControlExtensions: number;
}

/** Parses `bytes` block by block; throws on anything out of place (a truncated file, an unknown block). */
export function readGifBlocks(bytes: Uint8Array): GifInfo {
  let at = 0;
  const need = (count: number) => {
    if (at + count > bytes.length) throw new Error(`truncated at byte ${at} (needs ${count} more)`);
  };
  const byte = () => {
    need(1);
    return bytes[at++]!;
  };
  const u16 = () => byte() | (byte() << 8);
  const skip = (count: number) => {
    need(count);
    at += count;
  };
  /** Data sub-blocks: a size byte then that many bytes, until a size of 0. Returns them joined. */
  const subBlocks = (): number[] => {
    const data: number[] = [];
    for (let size = byte(); size !== 0; size = byte()) {
      need(size);
      data.push(...bytes.subarray(at, at + size));
      at += size;
    }
    return data;
  };
  const colourTable = (packed: number) => {
    if (packed & 0x80) skip(3 * 2 ** ((packed & 7) + 1));
  };

  need(6);
  const signature = String.fromCharCode(...bytes.subarray(0, 6));
  at = 6;
  if (signature !== 'GIF89a' && signature !== 'GIF87a') throw new Error(`not a GIF: ${signature}`);
  const width = u16();
  const height = u16();
  const screenPacked = byte();
  skip(2); // background colour index, pixel aspect ratio
  colourTable(screenPacked);

  const frames: GifFrameInfo[] = [];
  let loops: number | null = null;
  let pendingDelay: number | null = null;
  let graphicControlExtensions = 0;
  for (;;) {
    const introducer = byte();
    if (introducer === 0x3b) break; // trailer
    if (introducer === 0x21) {
      const label = byte();
      const data = subBlocks();
      if (label === 0xf9) {
        if (data.length !== 4) throw new Error(`graphic control extension of ${data.length} bytes`);
        graphicControlExtensions++;
        pendingDelay = data[1]! | (data[2]! << 8);
      } else if (label === 0xff && String.fromCharCode(...data.slice(0, 11)) === 'NETSCAPE2.0') {
        loops = data[12]! | (data[13]! << 8);
      }
      continue;
    }
    if (introducer === 0x2c) {
      skip(4); // left, top
      const frameWidth = u16();
      const frameHeight = u16();
      const packed = byte();
      colourTable(packed);
      byte(); // LZW minimum code size
      subBlocks();
      frames.push({
        width: frameWidth,
        height: frameHeight,
        delayCs: pendingDelay,
        localPalette: (packed & 0x80) !== 0,
      });
      pendingDelay = null;
      continue;
    }
    throw new Error(`unknown block 0x${introducer.toString(16)} at byte ${at - 1}`);
  }
  if (at !== bytes.length) throw new Error(`${bytes.length - at} bytes after the trailer`);
  return { signature, width, height, loops, frames, graphicControlExtensions };
}
