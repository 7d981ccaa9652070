// End-to-end: the timeline in headless Chromium — replaying an earlier hour as the run drew it, playing on into the live run, and saving hours as an animated GIF through that replay.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { GLOW_LIFETIME_MS } from '../../src/render/glow-motion.ts';
import { pixelSetDistance, pixelsMatching, readInt, stepTimes, waitForInt, waitFrames } from './browser.ts';
import { readGifBlocks } from './gif-blocks.ts';
import { useAppSession } from './session.ts';

const E2E_AGENTS = 3000;
const OUTPUT = resolve(import.meta.dirname, '../../test-output');
const session = useAppSession();

async function open(suffix = ''): Promise<Page> {
  return (await session.open(`${session.url()}?agents=${E2E_AGENTS}${suffix}`)).page;
}

/**
 * Where the stage shows the first preset's trend colour (#ff4f9a): its adopters and cascade lines, once the glows of
 * the last frame have faded (they last GLOW_LIFETIME_MS; no page state tells when they are gone).
 */
async function trendPixels(page: Page): Promise<Set<number>> {
  await page.waitForTimeout(GLOW_LIFETIME_MS + 150);
  await waitFrames(page, 3);
  // 5-bit channels: strong red, little green, blue between (#ff4f9a is 31, 9, 19).
  return pixelsMatching(
    page,
    await page.locator('#stage').screenshot(),
    '(r, g, b) => r >= 24 && g <= 14 && b >= 10 && b <= 24',
  );
}

const shownTick = async (page: Page) => Number(await page.locator('#stage').getAttribute('data-shown-tick'));

/** Steps `count` times, each once the canvas has drawn the one before: every frame's cascade lines reach the canvas. */
async function stepDrawingEach(page: Page, count: number): Promise<void> {
  const start = await shownTick(page);
  for (let i = 1; i <= count; i++) {
    await page.locator('[data-testid="step"]').click();
    await expect.poll(() => shownTick(page)).toBe(start + i);
  }
}

/** Clicks the GIF button and returns the download's name and bytes (a recording takes a few seconds at 3000 agents). */
async function recordGif(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.locator('[data-testid="export-gif"]').click(),
  ]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path()) ?? '') };
}

/** Whether every control of the timeline strip sits inside it, on one line (none wrapped below or pushed out to the right). */
async function timelineOnOneLine(page: Page): Promise<boolean> {
  return page.locator('.timeline').evaluate((strip) => {
    const box = strip.getBoundingClientRect();
    return [...strip.children].every((child) => {
      const r = child.getBoundingClientRect();
      return r.top >= box.top && r.bottom <= box.bottom && r.left >= box.left && r.right <= box.right + 0.5;
    });
  });
}

/** The timeline label's visible words, and whether they fit its box (no ellipsis). */
async function labelShown(page: Page): Promise<{ words: string; fits: boolean; title: string }> {
  return page.locator('[data-testid="timeline-label"]').evaluate((label) => ({
    words: (label as HTMLElement).innerText,
    fits: label.scrollWidth <= label.clientWidth,
    title: (label as HTMLElement).title,
  }));
}

/** Share of pixels in the trend's pink (#ff4f9a, its dots and lines) in the first and last frames, decoded by the page. */
async function pinkInFirstAndLastFrames(page: Page, gif: Buffer): Promise<[number, number]> {
  return page.evaluate(async (base64) => {
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const decoder = new ImageDecoder({ data, type: 'image/gif' });
    await decoder.tracks.ready;
    const count = decoder.tracks.selectedTrack?.frameCount ?? 0;
    const share = async (frameIndex: number) => {
      const { image } = await decoder.decode({ frameIndex });
      const canvas = new OffscreenCanvas(image.displayWidth, image.displayHeight);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let pink = 0;
      for (let i = 0; i < pixels.length; i += 4)
        if (pixels[i]! > 190 && pixels[i + 1]! < 130 && pixels[i + 2]! > 100 && pixels[i + 2]! < 200) pink++;
      return pink / (canvas.width * canvas.height);
    };
    return [await share(0), await share(count - 1)] as [number, number];
  }, gif.toString('base64'));
}

describe('the timeline', () => {
  it('replays an earlier hour from the timeline as the run drew it then, and plays on into the live run', async () => {
    const page = await open();
    // Only the canvas counts: the read-outs over it say "replay" in the accent colour, the trend's pink.
    await page.addStyleTag({ content: '.readouts, .legend, .view-bar, .zoom { visibility: hidden; }' });
    await stepDrawingEach(page, 30);
    const drawnAt30 = await trendPixels(page);
    await stepDrawingEach(page, 30);
    const drawnAt60 = await trendPixels(page);

    // Back 30 hours with the slider's own keys, as a keyboard user scrubs.
    const timeline = page.locator('[data-testid="timeline"]');
    await timeline.focus();
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => shownTick(page)).toBe(30);
    expect(await page.locator('[data-testid="timeline-label"]').innerText()).toContain(
      'Replay · Day 2 · 05:00 UTC',
    );
    expect(await readInt(page, 'tick')).toBe(60); // the run itself waits at its own hour
    const replayed = await trendPixels(page);
    // The canvas as it stood at hour 30, its dots and its lines where they were, where hour 60's is plainly another
    // picture (its older lines fade, so a count of pink pixels alone can come out the same: where they are cannot).
    expect(drawnAt30.size).toBeGreaterThan(200);
    expect(pixelSetDistance(replayed, drawnAt30)).toBeLessThan(0.05);
    expect(pixelSetDistance(drawnAt60, drawnAt30)).toBeGreaterThan(0.3);
    await mkdir(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'e2e-replay.png') });

    // Shared now, the link reopens the run at its hour 60 and shows hour 30 again.
    await page.locator('[data-testid="share"]').click();
    await expect.poll(() => page.url()).toContain('#s=');
    const shared = (await session.open(page.url())).page;
    await expect.poll(() => shownTick(shared), { timeout: 60_000 }).toBe(30);
    expect(await readInt(shared, 'tick')).toBe(60);
    expect(await shared.locator('[data-testid="timeline-label"]').innerText()).toContain(
      'Replay · Day 2 · 05:00 UTC',
    );
    await shared.close();
    await page.keyboard.press('Escape'); // closes the share panel

    // ← steps the replay back an hour, L goes live again.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => shownTick(page)).toBe(29);
    await page.keyboard.press('l');
    await expect.poll(() => shownTick(page)).toBe(60);
    expect(await page.locator('[data-testid="timeline-label"]').innerText()).toContain('Live');
    expect(await page.locator('[data-testid="timeline-live"]').isDisabled()).toBe(true);

    // From hour 50, play runs the replay to the live hour and the engine then goes on by itself.
    await timeline.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => shownTick(page)).toBe(50);
    await page.locator('[data-testid="play"]').click();
    expect(await waitForInt(page, 'tick', '>', 62, 60_000)).toBeGreaterThan(62);
    expect(await page.locator('[data-testid="timeline-label"]').innerText()).toContain('Live');
    await page.locator('[data-testid="play"]').click();
  });

  it('says the hour shown in full where the strip has room (1280×800), and its clock alone where it has not (1024×768)', async () => {
    const page = await open();
    await page.setViewportSize({ width: 1280, height: 800 });
    await stepTimes(page, 30);
    await expect.poll(() => shownTick(page)).toBe(30);
    expect(await labelShown(page)).toMatchObject({ words: 'Live · Day 2 · 05:00 UTC', fits: true });
    await page.locator('[data-testid="timeline"]').focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => shownTick(page)).toBe(20);
    const replay = await labelShown(page);
    expect(replay.words).toMatch(/^Replay · Day 1 · 19:00 UTC · [\d,]+ joined$/);
    expect(replay.fits).toBe(true);
    expect(await timelineOnOneLine(page)).toBe(true);

    await page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(async () => (await labelShown(page)).words).toBe('Day 1 · 19:00 UTC');
    expect(await labelShown(page)).toMatchObject({ fits: true, title: replay.words });
    expect(await timelineOnOneLine(page)).toBe(true);
    await page.keyboard.press('l');
    await expect.poll(async () => (await labelShown(page)).words).toBe('Day 2 · 05:00 UTC');
    expect((await labelShown(page)).fits).toBe(true);
  });

  it('saves the live run’s hours as an animated GIF drawn through the replay, then shows the live hour again (GIF)', async () => {
    const page = await open();
    const button = page.locator('[data-testid="export-gif"]');
    expect(await button.isDisabled()).toBe(true); // hour 0: nothing to animate yet
    await stepTimes(page, 30);
    await expect.poll(() => shownTick(page)).toBe(30);
    const seed = await page.locator('[data-testid="seed"]').inputValue();
    const stage = (await page.locator('#stage').boundingBox())!;
    expect(await button.isDisabled()).toBe(false);
    expect(await button.getAttribute('title')).toBe('Save these hours as an animated GIF');
    const started = Date.now();
    const recording = recordGif(page);
    // While it records, the button counts the frames (and would cancel).
    await expect.poll(() => button.innerText(), { interval: 20 }).toMatch(/^GIF \d+\/31…$/);
    expect(await timelineOnOneLine(page)).toBe(true); // at 1280 px, with the replay's longer label
    const gif = await recording;
    const seconds = (Date.now() - started) / 1000;

    expect(gif.name).toMatch(new RegExp(`_seed-${seed}_tick-30_hours-0-30\\.gif$`));
    expect(gif.bytes.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    const info = readGifBlocks(gif.bytes);
    expect(info.width).toBeLessThanOrEqual(640);
    expect(Math.abs(info.height - (info.width * stage.height) / stage.width)).toBeLessThanOrEqual(2);
    // One frame per hour from hour 0 (the world before anything spread) to hour 30, both included.
    expect(info.frames).toHaveLength(31);
    expect(info.graphicControlExtensions).toBe(31);
    expect(info.loops).toBe(0);
    // 8 frames a second (alternating 120 and 130 ms, whole hundredths), the last held 1.5 s.
    expect(info.frames.slice(0, -1).every((f) => f.delayCs === 12 || f.delayCs === 13)).toBe(true);
    expect(info.frames.at(-1)?.delayCs).toBe(150);
    // Hour 0 shows only the seeds in the trend's colour; hour 30 its spread.
    const [first, last] = await pinkInFirstAndLastFrames(page, gif.bytes);
    expect(last).toBeGreaterThan(3 * first);
    await mkdir(OUTPUT, { recursive: true });
    await writeFile(join(OUTPUT, 'e2e-hours.gif'), gif.bytes);

    // The live run again, where it was.
    await expect.poll(() => shownTick(page)).toBe(30);
    expect(await readInt(page, 'tick')).toBe(30);
    expect(await page.locator('[data-testid="timeline-label"]').innerText()).toContain('Live');
    expect(await button.innerText()).toBe('GIF');
    console.info(
      `GIF of 31 hours at ${E2E_AGENTS} agents: ${gif.bytes.length} bytes in ${seconds.toFixed(1)} s`,
    );
  });

  it('saves a replay up to the live hour as a GIF, returns to the replayed hour, and cancels on a second click (GIF)', async () => {
    const page = await open();
    await stepTimes(page, 30);
    await expect.poll(() => shownTick(page)).toBe(30);
    const timeline = page.locator('[data-testid="timeline"]');
    await timeline.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => shownTick(page)).toBe(20);

    const gif = await recordGif(page);
    expect(gif.name).toMatch(/_tick-30_hours-20-30\.gif$/);
    expect(readGifBlocks(gif.bytes).frames).toHaveLength(11); // hours 20 … 30
    await expect.poll(() => shownTick(page)).toBe(20);
    expect(await page.locator('[data-testid="timeline-label"]').innerText()).toContain('Replay');
    expect(await readInt(page, 'tick')).toBe(30);

    // From hour 0 (31 frames, time to click again), a second click cancels: nothing is saved and hour 0 comes back.
    await timeline.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => shownTick(page)).toBe(0);
    let downloads = 0;
    page.on('download', () => downloads++);
    const button = page.locator('[data-testid="export-gif"]');
    await button.click();
    await expect.poll(() => button.innerText(), { interval: 20 }).toMatch(/^GIF \d+\/31…$/);
    await button.click();
    await expect.poll(() => button.innerText()).toBe('GIF');
    await expect.poll(() => shownTick(page)).toBe(0);
    await page.waitForTimeout(500);
    expect(downloads).toBe(0);

    // On a phone the label gives way; the slider and both buttons stay in the strip.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => timelineOnOneLine(page)).toBe(true);
  });
});
