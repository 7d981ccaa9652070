// End-to-end: what a visitor does with the built app in headless Chromium — inspect agents and walk their cascade, launch a trend, keyboard shortcuts, the guided tour, the preset gallery, zoom and pan (the timeline: timeline.test.ts).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TOUR_STOPS } from '../../src/ui/tour.ts';
import { colourCounts, pngStats, readInt, stateHash, stepTimes, waitForInt, waitFrames } from './browser.ts';
import { useAppSession } from './session.ts';

const E2E_AGENTS = 3000;
const session = useAppSession();

async function open(suffix = ''): Promise<Page> {
  return (await session.open(`${session.url()}?agents=${E2E_AGENTS}${suffix}`)).page;
}

const inspector = (page: Page) => page.locator('section.inspector');

/**
 * Clicks a grid of points over the canvas, in order, until `accept` likes the agent the inspector then shows; returns
 * that agent's id. The layout is deterministic, so the same agent is found on every run.
 */
async function clickAgentWhere(page: Page, accept: (page: Page) => Promise<boolean>): Promise<number> {
  const box = await page.locator('#stage canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  for (let gy = 0.3; gy < 0.8; gy += 0.025) {
    for (let gx = 0.05; gx < 0.95; gx += 0.025) {
      await page.keyboard.press('Escape'); // a miss then reads as "none", not as the agent selected before
      await page.mouse.click(box.x + gx * box.width, box.y + gy * box.height);
      const shown = await page
        .waitForFunction(
          () => {
            const section = document.querySelector('section.inspector');
            if (!section || (section as HTMLElement).hidden) return 'none';
            const name = section.querySelector('.agent-name')?.textContent ?? '';
            return /#(\d+)/.exec(name)?.[1] ?? false;
          },
          undefined,
          { timeout: 5_000, polling: 20 },
        )
        .then((handle) => handle.jsonValue());
      if (shown !== 'none' && (await accept(page))) return Number(shown);
    }
  }
  throw new Error('no agent on the canvas matched');
}

/** Pixels of the stage in the selection colour (#ffd400): the selected agent's ring and cascade lines. */
async function selectionPixels(page: Page): Promise<number> {
  await waitFrames(page, 4);
  const counts = await colourCounts(page, await page.locator('#stage').screenshot());
  // 5-bit channels: red above 200, green 160–235, blue under 90 (out of 255).
  const yellow = (c: { r: number; g: number; b: number }) => c.r >= 25 && c.g >= 20 && c.g <= 29 && c.b <= 11;
  return counts.filter(yellow).reduce((sum, c) => sum + c.pixels, 0);
}

/** Screen x of each region name on the canvas overlay (they move and spread with the camera). */
async function regionLabelXs(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('#stage .region-labels > span')].map(
      (span) => span.getBoundingClientRect().x,
    ),
  );
}

describe('using the app as a visitor does', () => {
  it('names a hovered agent, inspects a clicked adopter and walks up its cascade to the seed, whose lines light up', async () => {
    const page = await open();
    await stepTimes(page, 30);
    expect(await readInt(page, 'adopted')).toBeGreaterThan(20);

    let ringOnly = -1;
    const adopter = await clickAgentWhere(page, async (p) => {
      const joined = (await p.locator('[data-testid="agent-cascade"]').count()) > 0;
      if (!joined && ringOnly < 0) ringOnly = await selectionPixels(p);
      return (
        joined &&
        (await p.locator('[data-testid="agent-cascade"]').first().innerText()).includes('Generation')
      );
    });
    // The pointer still rests on it: the hover card names the same agent.
    await expect.poll(async () => page.locator('.hover-card').innerText()).toContain(`#${adopter}`);
    const panel = inspector(page);
    // By the same name as the inspector's ("user_42 #42", "micro_7 #7").
    await expect
      .poll(async () => panel.locator('.agent-name').innerText())
      .toBe(await page.locator('.hover-card strong').innerText());
    for (const heading of ['Region', 'Languages', 'Fandom', 'Tier', 'Activity', 'Threshold'])
      await expect(panel.locator('.kv .k', { hasText: heading }).count()).resolves.toBe(1);
    for (const section of ['Platforms', 'Interests', 'What it saw', 'Why it adopted'])
      await expect(panel.locator('h4', { hasText: section }).count()).resolves.toBe(1);
    const cascade = panel.locator('[data-testid="agent-cascade"]').first();
    const chain = await cascade.innerText();
    expect(chain).toMatch(/Generation \d+: agent #\d+/);
    expect(chain).toMatch(/The whole cascade: [\d,]+ adopters, \d+ generations deep/);
    expect(ringOnly).toBeGreaterThan(0); // a non-adopter was clicked first and its ring measured

    // The first agent of the chain is the seed: selecting it moves the inspector and draws its children's lines.
    const seedLink = cascade.locator('button.link').first();
    const seed = Number(/#(\d+)/.exec(await seedLink.innerText())?.[1]);
    expect(seed).not.toBe(adopter);
    await seedLink.click();
    await expect
      .poll(async () => panel.locator('.agent-name').innerText(), { timeout: 10_000 })
      .toContain(`#${seed}`);
    const seedCascade = await panel.locator('[data-testid="agent-cascade"]').first().innerText();
    expect(seedCascade).toContain('It seeded this cascade.');
    const children = Number(/(\d+) joined from its posts/.exec(seedCascade)?.[1]);
    expect(children).toBeGreaterThanOrEqual(1);
    // Lines from the seed to its children: many more selection-coloured pixels than a lone ring.
    expect(await selectionPixels(page)).toBeGreaterThan(10 * ringOnly);

    await page.keyboard.press('Escape');
    await expect.poll(async () => panel.isHidden()).toBe(true);
    expect(await selectionPixels(page)).toBeLessThan(ringOnly);
  });

  it('launches a trend from an inspected agent, who becomes its first adopter', async () => {
    const page = await open();
    await stepTimes(page, 2);
    await clickAgentWhere(page, async () => true);
    // The choice survives the inspection arriving again with each summary while the run plays.
    await inspector(page).getByLabel('Trend kind').selectOption('meme');
    await page.locator('[data-testid="play"]').click();
    await waitForInt(page, 'tick', '>=', 8);
    await page.locator('[data-testid="play"]').click();
    expect(await inspector(page).getByLabel('Trend kind').inputValue()).toBe('meme');
    const trendsBefore = await page.locator('.readouts .reach li').count();
    const adoptedBefore = await readInt(page, 'adopted');
    await page.locator('[data-testid="launch-trend"]').click();
    await expect.poll(async () => page.locator('.readouts .reach li').count()).toBe(trendsBefore + 1);
    await waitForInt(page, 'adopted', '>', adoptedBefore);
    // The inspector follows: the agent now shows the launched trend under "why it adopted", as its seed.
    await expect
      .poll(async () => inspector(page).locator('[data-testid="agent-cascade"]').last().innerText(), {
        timeout: 10_000,
      })
      .toContain('It seeded this cascade.');

    // The launch is part of the run: its share link reopens the same run, launched trend and all.
    const launchedAt = await readInt(page, 'tick');
    const tick = await stepTimes(page, 3);
    expect(tick).toBe(launchedAt + 3);
    const hash = await stateHash(page, tick);
    await page.locator('[data-testid="share"]').click();
    await page.waitForFunction(() => window.location.hash.startsWith('#s='));
    const reopened = (await session.open(page.url())).page;
    expect(await stateHash(reopened, tick)).toBe(hash);
    expect(await reopened.locator('.readouts .reach li').count()).toBe(trendsBefore + 1);
  });

  it('answers the keyboard: space plays and pauses, R resets, N draws a new seed, ? opens the help', async () => {
    const page = await open();
    await page.keyboard.press('Space');
    await waitForInt(page, 'tick', '>=', 3);
    await page.keyboard.press('Space');
    // The engine confirms the pause after its final frame and summary (ticks of a busy turn may still land before).
    await page.waitForFunction(
      () => document.querySelector('#app')?.getAttribute('data-engine') === 'paused',
    );
    const paused = await readInt(page, 'tick');
    await waitFrames(page, 30);
    expect(await readInt(page, 'tick')).toBe(paused);

    await page.keyboard.press('r');
    await waitForInt(page, 'tick', '==', 0);

    const seedBox = page.locator('[data-testid="seed"]');
    const seed = await seedBox.inputValue();
    await page.keyboard.press('n');
    await expect.poll(async () => seedBox.inputValue()).not.toBe(seed);

    await page.keyboard.press('?');
    await expect
      .poll(async () => page.locator('dialog.help').evaluate((d) => (d as HTMLDialogElement).open))
      .toBe(true);
    // Behind the open help, the shortcuts that act on the run do nothing.
    const seedWithHelp = await seedBox.inputValue();
    await page.keyboard.press('n');
    await page.keyboard.press('ArrowRight');
    await waitFrames(page, 10);
    expect(await seedBox.inputValue()).toBe(seedWithHelp);
    expect(await readInt(page, 'tick')).toBe(0);
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => page.locator('dialog.help').evaluate((d) => (d as HTMLDialogElement).open))
      .toBe(false);
  });

  it('ignores the shortcuts while typing a seed', async () => {
    const page = await open();
    await stepTimes(page, 2);
    const seedBox = page.locator('[data-testid="seed"]');
    await seedBox.click();
    await seedBox.fill('');
    await page.keyboard.type('rn ?');
    await waitFrames(page, 10);
    expect(await seedBox.inputValue()).toBe('rn ?');
    expect(await readInt(page, 'tick')).toBe(2); // neither reset nor played
    expect(await page.locator('dialog.help').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
  });

  it('opens another preset from the gallery, with its own trend and explanation, and Space then plays it', async () => {
    const page = await open();
    const cards = page.locator('[data-testid="presets"] .preset-card');
    await expect.poll(async () => cards.count()).toBeGreaterThanOrEqual(8);
    const firstTrend = await page.locator('.readouts .trend-name').first().innerText();
    const second = cards.nth(1);
    const title = await second.locator('strong').innerText();
    await second.click();
    await expect.poll(async () => second.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => cards.first().getAttribute('aria-pressed')).toBe('false');
    await expect
      .poll(async () => page.locator('.readouts .trend-name').first().innerText(), { timeout: 60_000 })
      .not.toBe(firstTrend);
    expect(title.length).toBeGreaterThan(5);
    await waitForInt(page, 'tick', '==', 0);
    // The clicked card does not keep the focus: Space then plays the preset instead of pressing the card again.
    await page.waitForFunction(() => document.querySelector('#app')?.getAttribute('data-phase') === 'ready');
    await page.keyboard.press('Space');
    await waitForInt(page, 'tick', '>=', 2);
    expect(await second.getAttribute('aria-pressed')).toBe('true');
  });

  it('lists the region wave as one row per region and one column per trend, all five of a preset in view', async () => {
    const page = await open();
    await page.locator('[data-preset="filter-bubble"]').click();
    await expect.poll(async () => page.locator('.readouts .trend-name').count(), { timeout: 60_000 }).toBe(5);
    await waitForInt(page, 'tick', '==', 0);
    await stepTimes(page, 30);
    const wave = await page.locator('.wave-wrap').evaluate((wrap) => ({
      regions: [...wrap.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent),
      trends: [...wrap.querySelectorAll('thead th[scope="col"]')].slice(1).map((th) => th.textContent),
      reached: wrap.querySelectorAll('tbody td:not(.empty)').length,
      overflow: wrap.scrollWidth - wrap.clientWidth,
    }));
    expect(wave.regions).toHaveLength(8);
    expect(wave.trends).toEqual(await page.locator('.readouts .trend-name').allInnerTexts());
    expect(wave.reached).toBeGreaterThan(0); // some trend reached some region in 30 hours
    expect(wave.overflow).toBeLessThanOrEqual(1); // no sideways scrolling in the side panel at 1280 px
  });

  it('zooms with +, the wheel and the buttons, pans by dragging, and F fits the world again', async () => {
    const page = await open();
    const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
    const fitted = await regionLabelXs(page);
    expect(fitted.length).toBe(8);

    await page.keyboard.press('+');
    await expect.poll(async () => spread(await regionLabelXs(page)) / spread(fitted)).toBeCloseTo(1.4, 1);

    await page.keyboard.press('f');
    await expect.poll(async () => spread(await regionLabelXs(page)) / spread(fitted)).toBeCloseTo(1, 2);

    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => spread(await regionLabelXs(page)) / spread(fitted)).toBeCloseTo(1.96, 1);
    await page.getByRole('button', { name: 'Fit the world' }).click();
    await expect.poll(async () => spread(await regionLabelXs(page)) / spread(fitted)).toBeCloseTo(1, 2);

    const box = (await page.locator('#stage canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await expect.poll(async () => spread(await regionLabelXs(page)) / spread(fitted)).toBeGreaterThan(1.05);

    await page.keyboard.press('f');
    await expect.poll(async () => spread(await regionLabelXs(page)) / spread(fitted)).toBeCloseTo(1, 2);
    const before = await regionLabelXs(page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2, { steps: 8 });
    // Held still before letting go, so the view does not glide on (the camera has inertia after a flick).
    await waitFrames(page, 20);
    await page.mouse.up();
    await expect.poll(async () => (await regionLabelXs(page))[0]! - before[0]!).toBeCloseTo(120, -1);
    // A drag is not a click: nothing got selected.
    expect(await inspector(page).isHidden()).toBe(true);
  });

  it('keeps a view the user zoomed when the theme or the window changes, and refits one left as fitted', async () => {
    const page = await open();
    const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
    const zoomShown = async () => spread(await regionLabelXs(page));
    const fitted = await zoomShown();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => (await zoomShown()) / fitted).toBeCloseTo(1.4, 1);
    // Another theme (the projector's panels and read-outs are larger) and a narrower window keep the zoom.
    await page.locator('[data-testid="theme"]').selectOption('projector');
    await waitFrames(page, 10);
    expect((await zoomShown()) / fitted).toBeCloseTo(1.4, 1);
    await page.setViewportSize({ width: 1100, height: 800 });
    await waitFrames(page, 10);
    expect((await zoomShown()) / fitted).toBeCloseTo(1.4, 1);
    // F fits again, and a fitted view follows the next change of size.
    await page.keyboard.press('f');
    const refitted = await zoomShown();
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(zoomShown).toBeGreaterThan(refitted * 1.05);
  });

  it('pans with one finger and zooms with a two-finger pinch on a touch screen', async () => {
    const page = await open();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 2 });
    const box = (await page.locator('#stage canvas').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    /** One touch gesture: each step lists the fingers' positions; the fingers lift after the last, held still first. */
    const gesture = async (steps: { x: number; y: number }[][]) => {
      const points = (at: { x: number; y: number }[]) => at.map((p, id) => ({ x: p.x, y: p.y, id }));
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(steps[0]!) });
      for (const at of steps.slice(1)) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(at) });
        await waitFrames(page, 1);
      }
      await waitFrames(page, 20);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
    const fitted = await regionLabelXs(page);

    const fingersApart = (gap: number) => [
      { x: cx - gap, y: cy },
      { x: cx + gap, y: cy },
    ];
    await gesture([40, 60, 80, 100, 120].map(fingersApart));
    // The fingers moved from 80 to 240 px apart: the view zooms in (pixi-viewport's pinch is damped, not 1:1).
    await expect.poll(async () => spread(await regionLabelXs(page)) / spread(fitted)).toBeGreaterThan(1.5);

    await page.keyboard.press('f');
    await expect.poll(async () => spread(await regionLabelXs(page)) / spread(fitted)).toBeCloseTo(1, 2);
    const before = await regionLabelXs(page);
    await gesture([0, 20, 40, 60, 80, 100].map((dx) => [{ x: cx + dx, y: cy }]));
    await expect.poll(async () => (await regionLabelXs(page))[0]! - before[0]!).toBeCloseTo(100, -1);
  });

  it('recolours by region and platform, draws one platform’s ties or all, and switches to the light theme', async () => {
    const page = await open();
    const legend = page.locator('section.legend');
    const stage = async () => pngStats(page, await page.locator('#stage').screenshot());
    const byFandom = await page.locator('#stage').screenshot();

    await page.locator('[data-testid="colour-by"]').selectOption('region');
    await expect.poll(async () => legend.innerText()).toContain('agents by region');
    for (const region of ['Korea', 'Japan', 'Europe']) expect(await legend.innerText()).toContain(region);
    await waitFrames(page, 10);
    expect((await page.locator('#stage').screenshot()).equals(byFandom)).toBe(false);
    // Chosen with the pointer, the switch hands the focus back: Space plays (and pauses) at once.
    await page.locator('[data-testid="colour-by"]').click();
    await page.locator('[data-testid="colour-by"]').selectOption('platform');
    await expect.poll(async () => legend.innerText()).toContain('agents by their first platform');
    await page.keyboard.press(' ');
    await expect.poll(() => page.locator('#app').getAttribute('data-engine')).toBe('playing');
    await page.keyboard.press(' ');
    await expect.poll(() => page.locator('#app').getAttribute('data-engine')).toBe('paused');

    // Ties: none, then one platform, then all; each drawn under the dots, so more of the stage is covered.
    const none = (await stage()).foregroundShare;
    const layer = page.locator('[data-testid="layer"]');
    const platformOption = await layer.locator('option').nth(1).getAttribute('value');
    expect(platformOption).not.toBe('none');
    await layer.selectOption(platformOption!);
    await expect
      .poll(async () => (await stage()).foregroundShare, { timeout: 30_000 })
      .toBeGreaterThan(none * 1.2);
    await layer.selectOption('all');
    await expect.poll(async () => legend.innerText()).toContain('lines: ties on every platform');
    await expect
      .poll(async () => (await stage()).foregroundShare, { timeout: 30_000 })
      .toBeGreaterThan(none * 1.2);
    await layer.selectOption('none');
    await expect
      .poll(async () => (await stage()).foregroundShare, { timeout: 30_000 })
      .toBeLessThan(none * 1.1);

    await page.locator('[data-testid="theme"]').selectOption('light');
    await expect.poll(async () => page.locator('html').getAttribute('data-theme')).toBe('light');
    // The canvas background turns light: the stage's most common colour is bright.
    await waitFrames(page, 10);
    const [background] = await colourCounts(page, await page.locator('#stage').screenshot());
    const brightness = ((background!.r + background!.g + background!.b) / 3) * 8;
    expect(brightness).toBeGreaterThan(180);
  });

  it('keeps the top bar on one line at 1280 px, playing or paused', async () => {
    const page = await open();
    const bar = () => page.locator('.topbar').evaluate((b) => Math.round(b.getBoundingClientRect().height));
    const oneLine = await page
      .locator('[data-testid="play"]')
      .evaluate((b) => b.getBoundingClientRect().height);
    expect(await bar()).toBeLessThan(2 * oneLine);
    await page.keyboard.press('Space');
    await page.waitForFunction(
      () => document.querySelector('#app')?.getAttribute('data-engine') === 'playing',
    );
    await expect.poll(() => page.locator('[data-testid="play"]').innerText()).toContain('Pause');
    expect(await bar()).toBeLessThan(2 * oneLine); // "❚❚ Pause" is wider than "▶ Play": it wrapped the bar once
    await page.keyboard.press('Space');
  });

  it('walks a visitor past every part of the page with T, lighting up each one, and gives the keys back after', async () => {
    const page = await open();
    const tick = await readInt(page, 'tick');
    await page.keyboard.press('t');
    const card = page.locator('[data-testid="tour"]');
    await expect.poll(() => card.isVisible()).toBe(true);
    for (const [i, stop] of TOUR_STOPS.entries()) {
      expect(await page.locator('[data-testid="tour-count"]').innerText()).toBe(
        `${i + 1} / ${TOUR_STOPS.length}`,
      );
      expect(await page.locator('#tour-title').innerText()).toBe(stop.title);
      // The spotlight frames the stop's element (as far as it is in the window), and the card stays in the window.
      const lit = () =>
        page.evaluate((selector) => {
          const target = document.querySelector(selector)!.getBoundingClientRect();
          const spot = document.querySelector('.tour-spotlight')!.getBoundingClientRect();
          const clip = (r: DOMRect) => ({
            left: Math.max(0, r.left),
            top: Math.max(0, r.top),
            right: Math.min(innerWidth, r.right),
            bottom: Math.min(innerHeight, r.bottom),
          });
          const [a, b] = [clip(target), clip(spot)];
          return Math.max(
            Math.abs(a.left - b.left),
            Math.abs(a.top - b.top),
            Math.abs(a.right - b.right),
            Math.abs(a.bottom - b.bottom),
          );
        }, stop.target);
      // (it glides there: polled until it has arrived)
      await expect.poll(lit, { message: stop.title }).toBeLessThanOrEqual(6);
      const box = (await card.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      const view = page.viewportSize()!;
      expect(box.x + box.width).toBeLessThanOrEqual(view.width);
      expect(box.y + box.height).toBeLessThanOrEqual(view.height);
      await page.keyboard.press('ArrowRight'); // the tour's "next", not a step of the run
    }
    await expect.poll(() => card.isVisible()).toBe(false);
    expect(await readInt(page, 'tick')).toBe(tick);
    await page.keyboard.press('ArrowRight'); // the page's own shortcut again
    await waitForInt(page, 'tick', '==', tick + 1);

    // From the help dialog, the tour starts where the help closes; Esc ends it.
    await page.keyboard.press('?');
    await page.locator('[data-testid="start-tour"]').click();
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await page.locator('dialog.help').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.isVisible()).toBe(false);
    // And from "About this scenario", where a class looks first.
    await page.locator('[data-testid="story-tour"]').click();
    await expect.poll(() => page.locator('#tour-title').innerText()).toBe(TOUR_STOPS[0]!.title);
    await page.locator('[data-testid="tour-close"]').click();
    await expect.poll(() => card.isVisible()).toBe(false);
  });

  it('keeps the whole world in view when the window shrinks to a phone’s width', async () => {
    const page = await open();
    await page.setViewportSize({ width: 390, height: 844 });
    const inside = async () => {
      const stage = (await page.locator('#stage').boundingBox())!;
      const xs = await regionLabelXs(page);
      return xs.length === 8 && xs.every((x) => x >= stage.x && x < stage.x + stage.width);
    };
    await expect.poll(inside, { timeout: 10_000 }).toBe(true);
    await page.keyboard.press('f');
    await waitFrames(page, 5);
    expect(await inside()).toBe(true);
  });
});
