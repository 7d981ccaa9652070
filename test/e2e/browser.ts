// E2E helpers: launches Debian's Chromium (never downloads one), opens pages that record console errors, reads read-outs and pixels. Test-only.
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS] });
}

/** A page plus every console error and uncaught exception it produced. */
export interface WatchedPage {
  readonly page: Page;
  readonly errors: string[];
}

/** How a page is opened: its viewport (default 1280×720) and whether it has a touch screen (for `tap`). */
export interface PageShape {
  readonly viewport?: { readonly width: number; readonly height: number };
  readonly hasTouch?: boolean;
}

export async function openPage(browser: Browser, url: string, shape: PageShape = {}): Promise<WatchedPage> {
  const page = await browser.newPage({
    viewport: shape.viewport ?? { width: 1280, height: 720 },
    hasTouch: shape.hasTouch ?? false,
    acceptDownloads: true,
  });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await page.goto(url);
  return { page, errors };
}

/** The integer shown by `[data-testid=<id>]` (read-outs hold plain integers). */
export async function readInt(page: Page, testid: string): Promise<number> {
  const text = await page.locator(`[data-testid="${testid}"]`).first().textContent();
  const value = Number((text ?? '').trim());
  if (!Number.isInteger(value))
    throw new Error(`[data-testid=${testid}] shows ${JSON.stringify(text)}, not an integer`);
  return value;
}

/** Waits until the read-out `testid` compares to `target` by `op` (polling in the page, no fixed sleeps). */
export async function waitForInt(
  page: Page,
  testid: string,
  op: '==' | '>' | '>=',
  target: number,
  timeout = 30_000,
): Promise<number> {
  await page.waitForFunction(
    ([id, how, goal]) => {
      const text = document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';
      if (!/^\d+$/.test(text)) return false;
      const value = Number(text);
      return how === '==' ? value === goal : how === '>' ? value > goal : value >= goal;
    },
    [testid, op, target] as const,
    { timeout, polling: 50 },
  );
  return readInt(page, testid);
}

/** Waits until the canvas exists and the app reports its world ready (`#app[data-phase=ready]`). */
export async function waitUntilReady(page: Page): Promise<void> {
  await page.waitForSelector('#stage canvas', { timeout: 60_000 });
  await page.waitForFunction(
    () => document.querySelector('#app')?.getAttribute('data-phase') === 'ready',
    undefined,
    { timeout: 60_000, polling: 100 },
  );
}

/**
 * Clicks step `count` times and waits for the read-out to show the tick it should reach. The clicks are
 * dispatched in the page (the button's own handler runs each time) to spare the test driver's per-click checks.
 */
export async function stepTimes(page: Page, count: number): Promise<number> {
  const start = await readInt(page, 'tick');
  await page.locator('[data-testid="step"]').evaluate((button, times) => {
    for (let i = 0; i < times; i++) (button as HTMLButtonElement).click();
  }, count);
  return waitForInt(page, 'tick', '==', start + count);
}

/** The engine's state hash the page shows once the read-out shows `tick` and the hash is not `not` (a rebuild reported). */
export async function stateHash(page: Page, tick: number, not = ''): Promise<string> {
  await waitForInt(page, 'tick', '==', tick);
  await page.waitForFunction(
    (old) => {
      const hash = document.querySelector('#app')?.getAttribute('data-state-hash') ?? '';
      return hash !== '' && hash !== old;
    },
    not,
    { polling: 50, timeout: 60_000 },
  );
  return (await page.locator('#app').getAttribute('data-state-hash')) ?? '';
}

/** Resolves after `frames` animation frames have run in the page (a waited interval measured in frames). */
export async function waitFrames(page: Page, frames: number): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((done) => {
        let left = count;
        const next = () => (--left <= 0 ? done() : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
    frames,
  );
}

/** One quantised colour of a PNG (each channel cut to 5 bits, 0–31) and how many pixels have it. */
export interface ColourCount {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly pixels: number;
}

/**
 * A PNG's pixels decoded by the page's own image decoder: colour keys (5 bits a channel), how many are opaque, and
 * (with `matches`, the source of an `(r, g, b) => boolean` over those 5-bit channels, run in the page) the indices,
 * row-major, of the pixels it accepts.
 */
async function decodePng(
  page: Page,
  png: Buffer,
  matches = '() => false',
): Promise<{ keys: [number, number][]; opaque: number; pixels: number; matching: number[] }> {
  return page.evaluate(
    async ([base64, predicate]) => {
      const accepts = new Function(`return ${predicate}`)() as (r: number, g: number, b: number) => boolean;
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const byKey = new Map<number, number>();
      const matching: number[] = [];
      let opaque = 0;
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i]! >> 3;
        const g = data[i + 1]! >> 3;
        const b = data[i + 2]! >> 3;
        const key = (r << 10) | (g << 5) | b;
        byKey.set(key, (byKey.get(key) ?? 0) + 1);
        if (data[i + 3] === 255) opaque++;
        if (accepts(r, g, b)) matching.push(i / 4);
      }
      return { keys: [...byKey], opaque, pixels: data.length / 4, matching };
    },
    [png.toString('base64'), matches] as const,
  );
}

/** The colour histogram of a PNG, most common colour first. */
export async function colourCounts(page: Page, png: Buffer): Promise<ColourCount[]> {
  const { keys } = await decodePng(page, png);
  return keys
    .map(([key, pixels]) => ({ r: key >> 10, g: (key >> 5) & 31, b: key & 31, pixels }))
    .sort((x, y) => y.pixels - x.pixels);
}

/**
 * Where a PNG has pixels of one colour: the indices (row-major) of the pixels whose 5-bit channels (0–31, as in
 * ColourCount) pass `matches`, a predicate written as the source of `(r, g, b) => boolean` (it runs in the page).
 */
export async function pixelsMatching(page: Page, png: Buffer, matches: string): Promise<Set<number>> {
  return new Set((await decodePng(page, png, matches)).matching);
}

/** Share of the pixels in either set that are in only one of them (Jaccard distance; 0 for two empty sets). */
export function pixelSetDistance(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let shared = 0;
  for (const index of a) if (b.has(index)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : 1 - shared / union;
}

/** The share of a PNG's pixels that are fully opaque. */
export async function opaqueShare(page: Page, png: Buffer): Promise<number> {
  const { opaque, pixels } = await decodePng(page, png);
  return opaque / pixels;
}

/**
 * Colour statistics of a PNG: distinct colours after quantising each channel to 5 bits, and the share of pixels that
 * differ from the most common (background) colour.
 */
export async function pngStats(
  page: Page,
  png: Buffer,
): Promise<{ distinctColours: number; foregroundShare: number }> {
  const counts = await colourCounts(page, png);
  const pixels = counts.reduce((sum, c) => sum + c.pixels, 0);
  return { distinctColours: counts.length, foregroundShare: (pixels - (counts[0]?.pixels ?? 0)) / pixels };
}
