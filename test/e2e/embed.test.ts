// End-to-end: the embedded view (?embed=1) in small frames, its link back to the full app, and the share panel's embed code, in headless Chromium.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeShare, payloadFromHash, type SharedRun, shareHash } from '../../src/share/codec.ts';
import { pngStats, readInt, stateHash, stepTimes, waitForInt, waitFrames } from './browser.ts';
import { useAppSession } from './session.ts';

/** Small enough for software WebGL on 2 shared cores (as in app.test.ts). */
const E2E_AGENTS = 2000;
const OUTPUT = resolve(import.meta.dirname, '../../test-output');
/** The frame sizes the embed code is pasted at: a narrow blog column, the snippet's default, a wide course page. */
const FRAMES = [
  { width: 480, height: 320 },
  { width: 640, height: 400 },
  { width: 960, height: 540 },
] as const;
/** What only the full app has: top bar, gallery, parameters, side panels (inspector, charts, replicates). */
const FULL_APP_ONLY = [
  '.topbar',
  '[data-testid="presets"]',
  '#params-panel',
  '#charts-panel',
  '#replicates-panel',
  '.side',
  '[data-testid="share"]',
] as const;
const STRIP_CONTROLS = ['play', 'step', 'reset', 'tick', 'open-full'] as const;

const session = useAppSession();

beforeAll(async () => {
  await mkdir(OUTPUT, { recursive: true });
});

function embedUrlOf(run?: SharedRun): string {
  return `${session.url()}?agents=${E2E_AGENTS}&embed=1${run ? shareHash(run) : ''}`;
}

/** The run an "Open in Hallyu Lab" href or share link carries, or null while it carries none. */
function runIn(link: string | null): SharedRun | null {
  const payload = link ? payloadFromHash(new URL(link).hash) : null;
  return payload ? decodeShare(payload) : null;
}

const openFullHref = (page: Page) => page.locator('[data-testid="open-full"]').getAttribute('href');

/** How far the document reaches beyond the viewport (0, 0 when nothing can scroll). */
function overflow(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    return {
      x: Math.max(doc.scrollWidth, document.body.scrollWidth) - window.innerWidth,
      y: Math.max(doc.scrollHeight, document.body.scrollHeight) - window.innerHeight,
    };
  });
}

/** Every strip control is visible and wholly inside the viewport, and the canvas takes most of the frame. */
async function expectFitted(page: Page, width: number, height: number): Promise<void> {
  expect(await overflow(page), `${width}×${height} scrolls`).toEqual({ x: 0, y: 0 });
  for (const id of STRIP_CONTROLS) {
    const box = await page.locator(`[data-testid="${id}"]`).boundingBox();
    expect(box, `${id} at ${width}×${height}`).not.toBeNull();
    if (!box) continue;
    expect(box.width * box.height, `${id} is visible`).toBeGreaterThan(0);
    expect(box.x, `${id} left edge`).toBeGreaterThanOrEqual(0);
    expect(box.y, `${id} top edge`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${id} right edge at ${width}`).toBeLessThanOrEqual(width);
    expect(box.y + box.height, `${id} bottom edge at ${height}`).toBeLessThanOrEqual(height);
  }
  const stage = await page.locator('#stage').boundingBox();
  expect(stage?.width).toBe(width);
  expect(stage?.height ?? 0).toBeGreaterThan(height * 0.75);
}

/** The `src` of an `<iframe src="…">` snippet, its HTML escapes undone. */
function iframeSrc(snippet: string): string {
  const src = /<iframe src="([^"]+)"/.exec(snippet)?.[1];
  if (!src) throw new Error(`no iframe src in ${snippet}`);
  return src
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('the embedded view (?embed=1)', () => {
  it('shows only the canvas and a control strip that fit a 480×320 frame without scrolling, and plays', async () => {
    const [small] = FRAMES;
    const { page } = await session.open(embedUrlOf(), { viewport: small });
    for (const selector of FULL_APP_ONLY) expect(await page.locator(selector).count(), selector).toBe(0);
    await expectFitted(page, small.width, small.height);

    await waitFrames(page, 10);
    const png = await page.locator('#stage').screenshot();
    await writeFile(join(OUTPUT, 'e2e-embed-480x320.png'), png);
    const stats = await pngStats(page, png);
    expect(stats.distinctColours).toBeGreaterThan(8);
    expect(stats.foregroundShare).toBeGreaterThan(0.005);

    await page.locator('[data-testid="play"]').click();
    await page.waitForFunction(
      () => document.querySelector('#app')?.getAttribute('data-engine') === 'playing',
    );
    expect(await waitForInt(page, 'tick', '>=', 12, 60_000)).toBeGreaterThanOrEqual(12);
    await page.locator('[data-testid="play"]').click();
    await page.waitForFunction(
      () => document.querySelector('#app')?.getAttribute('data-engine') === 'paused',
    );
    // With trends reached, the strip has more to show; it still may not push anything out of the frame.
    for (const frame of FRAMES) {
      await page.setViewportSize(frame);
      await waitFrames(page, 3);
      await expectFitted(page, frame.width, frame.height);
    }
    await page.screenshot({ path: join(OUTPUT, 'e2e-embed-960x540.png') });
  });

  it('opens the run of its share hash, and links to the same run, at the tick shown, in the full app in a new tab', async () => {
    const run: SharedRun = {
      presetId: 'dance-challenge',
      patch: { world: { agents: E2E_AGENTS } },
      seed: 'e2e-embed',
      tick: 6,
    };
    const { page } = await session.open(embedUrlOf(run), { viewport: FRAMES[1] });
    await waitForInt(page, 'tick', '==', run.tick, 60_000);
    const link = page.locator('[data-testid="open-full"]');
    expect(await link.textContent()).toContain('Open in Hallyu Lab');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect((await link.getAttribute('rel'))?.split(/\s+/)).toContain('noopener');
    await expect.poll(async () => runIn(await openFullHref(page)), { timeout: 10_000 }).toEqual(run);

    const embedHash = await stateHash(page, await stepTimes(page, 3));
    await expect
      .poll(async () => runIn(await openFullHref(page)), { timeout: 10_000 })
      .toEqual({ ...run, tick: 9 });
    const href = (await openFullHref(page)) ?? '';
    expect(new URL(href).searchParams.has('embed')).toBe(false);
    expect(new URL(href).pathname).toBe(new URL(session.url()).pathname);

    const full = (await session.open(href)).page;
    expect(await full.locator('[data-testid="presets"]').count()).toBe(1);
    expect(await full.locator('[data-testid="seed"]').inputValue()).toBe(run.seed);
    expect(await stateHash(full, 9)).toBe(embedHash);
  });

  it('keeps the keyboard shortcuts and works by touch', async () => {
    const { page } = await session.open(embedUrlOf(), { viewport: FRAMES[1], hasTouch: true });
    await page.locator('[data-testid="step"]').tap();
    expect(await waitForInt(page, 'tick', '==', 1)).toBe(1);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowRight');
    expect(await waitForInt(page, 'tick', '==', 2)).toBe(2);
    await page.keyboard.press(' ');
    await page.waitForFunction(
      () => document.querySelector('#app')?.getAttribute('data-engine') === 'playing',
    );
    await waitForInt(page, 'tick', '>', 3, 60_000);
    await page.locator('[data-testid="play"]').tap();
    await page.waitForFunction(
      () => document.querySelector('#app')?.getAttribute('data-engine') === 'paused',
    );
    expect(await page.locator('[data-testid="play"]').getAttribute('aria-label')).toBe('Play');
    expect(await readInt(page, 'tick')).toBeGreaterThan(3);
    // Its help lists what this view has: no timeline, Replicates panel or file button, and the way to the full app.
    await page.keyboard.press('?');
    const help = page.locator('dialog.help');
    await help.waitFor({ state: 'visible' });
    const text = (await help.textContent()) ?? '';
    expect(text).toContain('Open in Hallyu Lab ↗');
    for (const missing of ['Replicates', 'Timeline', 'Open a scenario file', 'Back to the live run'])
      expect(text).not.toContain(missing);
    expect(text).toContain('Play / pause');
  });

  it('opens the full app for a bad ?embed= value and names the option and its allowed values', async () => {
    const { page } = await session.open(`${session.url()}?agents=${E2E_AGENTS}&embed=yes`);
    const banner = page.locator('[data-testid="error-banner"]');
    await expect.poll(() => banner.textContent()).toContain('?embed=yes was ignored');
    expect(await banner.textContent()).toMatch(/embed must be 1 \(.+\) or 0 \(.+\)/);
    expect(await page.locator('[data-testid="presets"]').count()).toBe(1);
  });
});

describe('the share panel of the full app', () => {
  it('offers the link and an iframe embed code of the same run, and selects the code when the clipboard is missing', async () => {
    const { page } = await session.open(`${session.url()}?agents=${E2E_AGENTS}`);
    // An insecure page has no Clipboard API at all: copying must say so and select the text, not throw.
    await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    const tick = await stepTimes(page, 4);
    const fullHash = await stateHash(page, tick);
    await page.locator('[data-testid="share"]').click();
    const panel = page.locator('[data-testid="share-panel"]');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.evaluate((node) => node.matches(':popover-open'))).toBe(true);

    const link = await page.locator('[data-testid="share-link"]').inputValue();
    expect(link).toBe(page.url());
    expect(runIn(link)).toMatchObject({ presetId: 'dance-challenge', tick });
    const snippet = await page.locator('[data-testid="embed-code"]').inputValue();
    expect(snippet).toMatch(
      /^<iframe src="[^"]+\?embed=1&amp;agents=2000#s=[^"]+" width="640" height="400" /,
    );
    expect(snippet.endsWith('></iframe>')).toBe(true);
    const src = iframeSrc(snippet);
    expect(new URL(src).hash).toBe(new URL(link).hash);

    await page.locator('[data-testid="copy-embed"]').click();
    await expect.poll(() => page.locator('[data-testid="share-status"]').textContent()).toContain('selected');
    const selection = await page.evaluate(() => {
      const field = document.activeElement as HTMLTextAreaElement | null;
      return {
        id: field?.id,
        start: field?.selectionStart,
        end: field?.selectionEnd,
        length: field?.value.length,
      };
    });
    expect(selection).toEqual({ id: 'embed-code', start: 0, end: snippet.length, length: snippet.length });
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });

    // The snippet's page is the embedded view of the same run.
    const embedded = (await session.open(src, { viewport: FRAMES[1] })).page;
    expect(await embedded.locator('[data-testid="presets"]').count()).toBe(0);
    expect(await stateHash(embedded, tick)).toBe(fullHash);
  });
});
