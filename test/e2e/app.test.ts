// End-to-end: builds the app, serves it from a sub-folder, and drives it in headless Chromium through its stable data-testids.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachAdoptionRow } from '../../sim/cli/world/adoption-rows.ts';
import { createWorldEngine, type SocialWorldEngine } from '../../sim/model/engine.ts';
import { replicateMaker } from '../../sim/model/replicates.ts';
import { type WorldScenario, worldScenarioSchema } from '../../sim/params/world.ts';
import { csvField } from '../../src/export/csv.ts';
import { decodeShare, payloadFromHash } from '../../src/share/codec.ts';
import { parsePresetIndex } from '../../src/state/preset-loader.ts';
import { scenarioAdjuster } from '../../src/state/url-options.ts';
import {
  opaqueShare,
  pngStats,
  readInt,
  stateHash,
  stepTimes,
  waitForInt,
  waitFrames,
  waitUntilReady,
} from './browser.ts';
import { useAppSession } from './session.ts';

/** Small enough that software WebGL and the engine keep up on 2 shared cores; large enough for visible clusters. */
const E2E_AGENTS = 3000;
const OUTPUT = resolve(import.meta.dirname, '../../test-output');
const PRESETS = resolve(import.meta.dirname, '../../public/scenarios');

const session = useAppSession();

async function open(suffix = ''): Promise<Page> {
  return (await session.open(`${session.url()}?agents=${E2E_AGENTS}${suffix}`)).page;
}

/** The world is built and shown: read-outs are integers and the canvas exists inside #stage. */
/** Saves a screenshot of #stage (or of the whole page) into test-output/ and returns it. */
async function screenshot(page: Page, name: string, wholePage = false): Promise<Buffer> {
  const png = wholePage ? await page.screenshot() : await page.locator('#stage').screenshot();
  await writeFile(join(OUTPUT, `${name}.png`), png);
  return png;
}

async function setSpeed(page: Page, ticksPerSecond: number): Promise<void> {
  await page.locator('[data-testid="speed"]').evaluate((input, value) => {
    (input as HTMLInputElement).value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, ticksPerSecond);
}

/** The app's first preset (fetched from the served site) with the e2e agent count and `seed`, validated as Node does. */
async function nodeScenario(seed: string): Promise<WorldScenario> {
  const index = (await (await fetch(new URL('scenarios/index.json', session.url()))).json()) as unknown;
  const [first] = parsePresetIndex(index);
  if (!first) throw new Error('no presets');
  const preset = (await (await fetch(new URL(`scenarios/${first.file}`, session.url()))).json()) as Record<
    string,
    unknown
  >;
  const scenario = scenarioAdjuster({ agents: E2E_AGENTS })(preset);
  return worldScenarioSchema.parse({ ...scenario, seed });
}

/** The same run in Node, stepped `ticks` times. */
async function nodeEngine(seed: string, ticks: number): Promise<SocialWorldEngine> {
  const engine = createWorldEngine(await nodeScenario(seed));
  for (let i = 0; i < ticks; i++) engine.step();
  return engine;
}

async function nodeStateHash(seed: string, ticks: number): Promise<string> {
  return (await nodeEngine(seed, ticks)).stateHash();
}

async function resetAndWait(page: Page): Promise<void> {
  await page.locator('[data-testid="reset"]').click();
  await waitUntilReady(page);
  await waitForInt(page, 'tick', '==', 0);
}

beforeAll(async () => {
  await mkdir(OUTPUT, { recursive: true });
});

describe('the built app in headless Chromium', () => {
  it('has every stable control and draws the world on the canvas', async () => {
    const page = await open();
    for (const id of [
      'play',
      'step',
      'reset',
      'new-seed',
      'seed',
      'speed',
      'tick',
      'adopted',
      'share',
      'export-csv',
      'export-png',
      'presets',
    ]) {
      expect(await page.locator(`[data-testid="${id}"]`).count(), id).toBeGreaterThan(0);
    }
    await waitFrames(page, 10);
    const stats = await pngStats(page, await screenshot(page, 'e2e-start'));
    // 3000 agents in fandom and region colours: well over a handful of colours, and more than 0.5% of the area drawn.
    expect(stats.distinctColours).toBeGreaterThan(8);
    expect(stats.foregroundShare).toBeGreaterThan(0.005);
  });

  it('raises the tick and the adopters while playing, and stops them on pause', async () => {
    const page = await open();
    await setSpeed(page, 120);
    const adoptedBefore = await readInt(page, 'adopted');
    await page.locator('[data-testid="play"]').click();
    await page.waitForFunction(
      () => document.querySelector('#app')?.getAttribute('data-engine') === 'playing',
    );
    expect(await waitForInt(page, 'tick', '>=', 24, 60_000)).toBeGreaterThanOrEqual(24);
    await waitForInt(page, 'adopted', '>', adoptedBefore, 60_000);
    await screenshot(page, 'e2e-playing');
    await page.locator('[data-testid="play"]').click();
    // The engine confirms the pause after its final frame and summary; from then on nothing may move.
    await page.waitForFunction(
      () => document.querySelector('#app')?.getAttribute('data-engine') === 'paused',
    );
    const paused = await readInt(page, 'tick');
    const adoptedPaused = await readInt(page, 'adopted');
    await waitFrames(page, 20);
    expect(await readInt(page, 'tick')).toBe(paused);
    expect(await readInt(page, 'adopted')).toBe(adoptedPaused);
  });

  it('advances exactly one tick per step, and the keyboard arrow steps too', async () => {
    const page = await open();
    const start = await readInt(page, 'tick');
    await page.locator('[data-testid="step"]').click();
    expect(await waitForInt(page, 'tick', '>', start)).toBe(start + 1);
    await page
      .locator('body')
      .click({ position: { x: 2, y: 2 } })
      .catch(() => undefined);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowRight');
    expect(await waitForInt(page, 'tick', '>', start + 1)).toBe(start + 2);
  });

  it('returns to the same state on reset with the same seed, the same state as Node computes', async () => {
    const page = await open();
    const seed = await page.locator('[data-testid="seed"]').inputValue();
    await resetAndWait(page);
    await stepTimes(page, 30);
    const first = await readInt(page, 'adopted');
    const firstHash = await stateHash(page, 30);
    await resetAndWait(page);
    expect(await readInt(page, 'tick')).toBe(0);
    await stepTimes(page, 30);
    expect(await readInt(page, 'adopted')).toBe(first);
    expect(await stateHash(page, 30)).toBe(firstHash);
    expect(await page.locator('[data-testid="seed"]').inputValue()).toBe(seed);
    // A blank seed box is no seed: Enter puts the seed in force back, and the run is the same.
    await page.locator('[data-testid="seed"]').fill('');
    await page.locator('[data-testid="seed"]').press('Enter');
    expect(await page.locator('[data-testid="seed"]').inputValue()).toBe(seed);
    expect(await stateHash(page, 30)).toBe(firstHash);
    // DESIGN §3: same seed and parameters give the same result in the browser and in Node.
    expect(firstHash).toBe(await nodeStateHash(seed, 30));
  });

  it('reopens the same preset, parameters, seed and tick from a share link', async () => {
    const page = await open();
    const seedInput = page.locator('[data-testid="seed"]');
    await seedInput.fill('e2e-share');
    await seedInput.press('Enter');
    await waitUntilReady(page);
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="seed"]') as HTMLInputElement | null)?.value === 'e2e-share',
    );
    // Change one parameter through the panel (a slider's change event), which rebuilds the world.
    const overlap = (p: Page) => p.locator('.param', { hasText: 'Layer overlap' }).first();
    const overlapBefore = await overlap(page).locator('.param-value').textContent();
    await overlap(page)
      .locator('input[type="range"]')
      .evaluate((input) => {
        const slider = input as HTMLInputElement;
        slider.value = String(Math.round(Number(slider.max) * 0.8));
        slider.dispatchEvent(new Event('change', { bubbles: true }));
      });
    await waitUntilReady(page);
    const overlapText = await overlap(page).locator('.param-value').textContent();
    expect(overlapText).not.toBe(overlapBefore);
    await stepTimes(page, 12);
    const adopted = await readInt(page, 'adopted');
    const hash = await stateHash(page, 12);
    const preset = await page
      .locator('[data-testid="presets"] [aria-pressed="true"], [data-testid="presets"] [aria-current="true"]')
      .first()
      .textContent();
    await page.locator('[data-testid="share"]').click();
    await page.waitForFunction(() => window.location.hash.startsWith('#s='));
    const link = page.url();
    expect(link.startsWith(session.url())).toBe(true);
    // The link carries only what differs from the preset: the changed parameter (and the e2e agent count).
    const shared = decodeShare(payloadFromHash(new URL(link).hash) ?? '');
    expect(shared).toMatchObject({ presetId: 'dance-challenge', seed: 'e2e-share', tick: 12 });
    expect(Object.keys(shared.patch)).toEqual(['world']);
    expect(Object.keys(shared.patch.world as object).sort()).toEqual(['agents', 'layerOverlap']);

    const reopened = await session.open(link);
    await waitForInt(reopened.page, 'tick', '==', 12, 60_000);
    expect(await reopened.page.locator('[data-testid="seed"]').inputValue()).toBe('e2e-share');
    expect(await readInt(reopened.page, 'adopted')).toBe(adopted);
    expect(await overlap(reopened.page).locator('.param-value').textContent()).toBe(overlapText);
    expect(await stateHash(reopened.page, 12)).toBe(hash);
    const reopenedPreset = await reopened.page
      .locator('[data-testid="presets"] [aria-pressed="true"], [data-testid="presets"] [aria-current="true"]')
      .first()
      .textContent();
    expect(reopenedPreset).toBe(preset);
  });

  it('explains a garbled share link and opens the default preset', async () => {
    const page = await open('#s=garbled-link-AAAA');
    await page.getByText('could not be opened').first().waitFor({ timeout: 30_000 });
    expect(await readInt(page, 'tick')).toBe(0);
    await screenshot(page, 'e2e-garbled-link', true);
  });

  it('refuses a world too big for this device with its memory estimate, without crashing', async () => {
    const watched = await session.watch(`${session.url()}?agents=50000000`);
    await watched.page
      .getByText(/needs about [\d,]+ MB of memory/)
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot(watched.page, 'e2e-too-big', true);
    expect(await watched.page.locator('[data-testid="restart"]').isVisible()).toBe(false);
  });

  it('shows a worker crash with a restart button, and restarts with the same parameters and seed', async () => {
    const page = await session.browser().newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The first engine worker the page starts throws while loading; later ones are the real script.
    let crashed = false;
    await page.route('**/assets/entry-*.js', async (route) => {
      if (crashed) return route.continue();
      crashed = true;
      await route.fulfill({
        contentType: 'text/javascript',
        body: "throw new Error('engine exploded in e2e');",
      });
    });
    await page.goto(`${session.url()}?agents=${E2E_AGENTS}`);
    await page.getByText('engine exploded in e2e').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'e2e-crash', true);
    const seed = await page.locator('[data-testid="seed"]').inputValue();
    await page.locator('[data-testid="restart"]').click();
    await waitUntilReady(page);
    expect(await page.locator('[data-testid="seed"]').inputValue()).toBe(seed);
    await stepTimes(page, 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads a time-series CSV with the seed in every row and the scenario in the first', async () => {
    const page = await open();
    await stepTimes(page, 5);
    const seed = await page.locator('[data-testid="seed"]').inputValue();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="export-csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toContain(`seed-${seed}`);
    const text = await readFile((await download.path()) ?? '', 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]!.startsWith('seed,tick,day,hour_utc')).toBe(true);
    // One row per recorded tick: ticks 0..5.
    expect(lines.slice(1).map((line) => Number(line.split(',')[1]))).toEqual([0, 1, 2, 3, 4, 5]);
    for (const line of lines.slice(1)) expect(line.startsWith(`${seed},`)).toBe(true);
    // The first row's last cell is the scenario that was run, as quoted CSV holding JSON.
    expect(lines[0]!.endsWith(',preset,scenario')).toBe(true);
    const quoted = lines[1]!.slice(lines[1]!.indexOf(',"{') + 1);
    const scenario = JSON.parse(quoted.slice(1, -1).replaceAll('""', '"')) as { seed: string };
    expect(scenario.seed).toBe(seed);
    // Each hour's views by platform and feed source: the messenger (Talk) shows only its chats, while the short-video
    // feed (Loop) is mostly the recommender's once the first posts exist.
    const header = lines[0]!.split(',');
    const cell = (line: string, column: string) => Number(line.split(',')[header.indexOf(column)]);
    for (const name of ['Loop', 'Frame', 'Vista', 'Chirp', 'Talk'])
      for (const source of ['follow', 'recommended', 'trending'])
        expect(header).toContain(`views_${source}:${name}`);
    const hours = lines.slice(2); // hour 0 has no earlier posts to view
    expect(
      hours.every((line) => cell(line, 'views_recommended:Talk') + cell(line, 'views_trending:Talk') === 0),
    ).toBe(true);
    const loop = (source: string) => hours.reduce((sum, line) => sum + cell(line, `views_${source}:Loop`), 0);
    expect(loop('recommended')).toBeGreaterThan(loop('follow'));
    // The same counts drive the chart of the recommender's share.
    expect(await page.locator('.chart figcaption', { hasText: 'Views the recommender chose' }).count()).toBe(
      1,
    );
  });

  it("downloads every adoption as a cascade edge, the same rows as the command line's adoptions.csv of that run in Node", async () => {
    const page = await open();
    await stepTimes(page, 30);
    const seed = await page.locator('[data-testid="seed"]').inputValue();
    const adopted = await readInt(page, 'adopted');
    expect(adopted).toBeGreaterThan(10); // something spread: not an empty comparison
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="export-cascades"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`seed-${seed}_tick-30_cascades\\.csv$`));
    const lines = (await readFile((await download.path()) ?? '', 'utf8')).trimEnd().split('\n');
    expect(lines[0]).toBe('run,seed,trend,agent,tick,parent,platform,region,fandom,root,generation');
    expect(lines.length - 1).toBe(adopted);
    const expected: string[] = [];
    forEachAdoptionRow((await nodeEngine(seed, 30)).ctx, 0, seed, (row) =>
      expected.push(row.map(csvField).join(',')),
    );
    expect(lines.slice(1)).toEqual(expected);
  });

  it('reopens a run from its own CSV export at the same seed, tick and state, and a broken file changes nothing', async () => {
    const first = await open();
    await first.locator('[data-testid="seed"]').fill('e2e-open');
    await first.locator('[data-testid="seed"]').press('Enter');
    await waitUntilReady(first);
    await stepTimes(first, 20);
    const hash = await stateHash(first, 20);
    const [download] = await Promise.all([
      first.waitForEvent('download'),
      first.locator('[data-testid="export-csv"]').click(),
    ]);
    const exported = {
      name: download.suggestedFilename(),
      mimeType: 'text/csv',
      buffer: await readFile((await download.path()) ?? ''),
    };

    const page = await open(); // the default preset with its own seed, at tick 0
    expect(await page.locator('[data-testid="seed"]').inputValue()).not.toBe('e2e-open');
    // Playwright turns on file-chooser interception when a listener is first added, asynchronously: a key press made
    // at once could open the picker before that. A listener added here has it on before the press below.
    page.on('filechooser', () => undefined);
    await page.evaluate(() => undefined);
    // The O shortcut opens the file picker.
    const [picker] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('o')]);
    await picker.setFiles(exported);
    await waitForInt(page, 'tick', '==', 20, 60_000);
    expect(await page.locator('[data-testid="seed"]').inputValue()).toBe('e2e-open');
    expect(await stateHash(page, 20)).toBe(hash);
    await page.getByText(`Opened ${exported.name} (CSV export, stepped to tick 20).`).waitFor();
    expect(
      await page.locator('[data-testid="presets"] [aria-pressed="true"]').getAttribute('data-preset'),
    ).toBe('dance-challenge');

    const scenario = JSON.parse(await readFile(join(PRESETS, 'dance-challenge.json'), 'utf8')) as {
      world: Record<string, unknown>;
    };
    const broken = JSON.stringify({ ...scenario, world: { ...scenario.world, agents: 0 } });
    // The "Open a file" button opens the picker too.
    const [brokenPicker] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.locator('[data-testid="open-file"]').click(),
    ]);
    await brokenPicker.setFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(broken),
    });
    await page
      .getByText(
        'broken.json could not be opened; the current run is unchanged. world.agents: must be an integer from 10 to 100,000,000 agents (got 0)',
      )
      .waitFor();
    expect(await readInt(page, 'tick')).toBe(20);
    expect(await page.locator('[data-testid="seed"]').inputValue()).toBe('e2e-open');
    expect(await stateHash(page, 20)).toBe(hash);
  });

  it('runs a scenario file dropped on the page as Node runs it, and shares it as a link', async () => {
    const preset = JSON.parse(await readFile(join(PRESETS, 'platform-ban.json'), 'utf8')) as {
      world: Record<string, unknown>;
    };
    const scenario = { ...preset, seed: 'e2e-dropped', world: { ...preset.world, agents: E2E_AGENTS } };
    const page = await open();
    const dropped = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'my-ban.json', { type: 'application/json' }));
      return transfer;
    }, JSON.stringify(scenario));
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: dropped });
    await page.locator('[data-testid="drop-overlay"]').waitFor({ state: 'visible' });
    await screenshot(page, 'e2e-drop-overlay', true);
    await page.dispatchEvent('body', 'drop', { dataTransfer: dropped });
    await page.getByText('Opened my-ban.json (scenario file).').waitFor();
    expect(await page.locator('[data-testid="drop-overlay"]').isHidden()).toBe(true);
    await waitUntilReady(page);
    expect(await page.locator('[data-testid="seed"]').inputValue()).toBe('e2e-dropped');
    expect(await page.locator('[data-testid="presets"] [aria-pressed="true"]').count()).toBe(0);
    await stepTimes(page, 6);
    const hash = await stateHash(page, 6);
    const engine = createWorldEngine(worldScenarioSchema.parse(scenario));
    for (let i = 0; i < 6; i++) engine.step();
    expect(hash).toBe(engine.stateHash());

    await page.locator('[data-testid="share"]').click();
    await page.waitForFunction(() => window.location.hash.startsWith('#s='));
    const reopened = await session.open(page.url());
    await waitForInt(reopened.page, 'tick', '==', 6, 60_000);
    expect(await stateHash(reopened.page, 6)).toBe(hash);
  });

  it('runs replicates beside the live run with the seeds and outcomes Node gives them, and drops them when the seed changes', async () => {
    const page = await open();
    const seed = await page.locator('[data-testid="seed"]').inputValue();
    await page.locator('#replicates-panel > summary').click();
    const runs = page.locator('[data-testid="replicates-runs"]');
    await runs.fill('1');
    await page.locator('[data-testid="replicates-run"]').click();
    await page.getByText('Runs: must be a whole number from 2 to 50 (got "1")').waitFor();
    await runs.fill('3');
    await page.locator('[data-testid="replicates-days"]').fill('1');
    await page.locator('[data-testid="replicates-run"]').click();
    const status = page.locator('[data-testid="replicates-status"]');
    await status.getByText(`3 runs of 1 day, seeds ${seed} … ${seed}-2.`).waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="replicates-error"]').isHidden()).toBe(true);
    const finals = JSON.parse(
      (await page.locator('[data-testid="replicates-table"]').getAttribute('data-finals')) ?? '[]',
    );
    // The same replicates in Node, as `npm run sim -- run --runs 3` makes them.
    const makeReplicate = replicateMaker(await nodeScenario(seed), seed);
    const expected = [0, 1, 2].map((run) => {
      const { engine } = makeReplicate(run);
      for (let tick = 0; tick < 24; tick++) engine.step();
      return engine.summary().trends.map((t) => t.adopters);
    });
    expect(finals).toEqual(expected[0]!.map((_, t) => expected.map((perRun) => perRun[t])));
    expect(new Set(finals[0]).size).toBeGreaterThan(1); // the runs differ: luck shows
    expect(await readInt(page, 'tick')).toBe(0); // the live run was left alone
    await screenshot(page, 'e2e-replicates', true);

    await page.locator('[data-testid="new-seed"]').click();
    await status.getByText('The settings changed, so the replicates were dropped').waitFor();
    expect(await page.locator('[data-testid="replicates-table"]').isHidden()).toBe(true);
  });

  it('downloads a PNG of the canvas named with the seed, opaque on the theme’s ground', async () => {
    const page = await open();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="export-png"]').click(),
    ]);
    const bytes = await readFile((await download.path()) ?? '');
    expect(download.suggestedFilename()).toMatch(/seed-.+\.png$/);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const stats = await pngStats(page, bytes);
    expect(stats.distinctColours).toBeGreaterThan(8);
    // Around the world the image is the theme's ground, not transparent: a 1024×768 projector page leaves room above
    // and below the world.
    const small = await session.open(`${session.url()}?agents=${E2E_AGENTS}`, {
      viewport: { width: 1024, height: 768 },
    });
    await small.page.locator('[data-testid="theme"]').selectOption('projector');
    const [projected] = await Promise.all([
      small.page.waitForEvent('download'),
      small.page.locator('[data-testid="export-png"]').click(),
    ]);
    expect(await opaqueShare(small.page, await readFile((await projected.path()) ?? ''))).toBe(1);
  });

  it('folds the legend on a short projector canvas so the whole world shows with readable region names, and opens it on a click with the world fitted above it', async () => {
    type Box = { x: number; y: number; width: number; height: number };
    const { page } = await session.open(`${session.url()}?agents=${E2E_AGENTS}`, {
      viewport: { width: 1024, height: 768 },
    });
    await page.locator('[data-testid="theme"]').selectOption('projector');
    const legendOpen = () => page.locator('.legend details').evaluate((d) => (d as HTMLDetailsElement).open);
    /** The fitted world's rectangle on the page, from the canvas host's data-fitted-world (canvas CSS pixels). */
    const worldOnPage = async () => {
      const stage = (await page.locator('#stage').boundingBox())!;
      const [left, top, right, bottom] = (await page.locator('#stage').getAttribute('data-fitted-world'))!
        .split(' ')
        .map(Number) as [number, number, number, number];
      return { left: stage.x + left, top: stage.y + top, right: stage.x + right, bottom: stage.y + bottom };
    };
    const clearOfOverlays = async () => {
      const world = await worldOnPage();
      const legend: Box = (await page.locator('.legend').boundingBox())!;
      const top: Box = (await page.locator('.stage-top').boundingBox())!;
      return world.bottom <= legend.y && world.top >= top.y + top.height;
    };
    // 1024×768 in the projector theme: the open legend would shrink the world by a third, so it starts folded.
    await expect.poll(legendOpen).toBe(false);
    await expect.poll(clearOfOverlays).toBe(true);
    const folded = await worldOnPage();
    // The region names stay readable on the small world (not 6 px), shortened with an ellipsis to their boxes.
    const names = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#stage .region-labels > span')].map((span) => {
        const box = span.getBoundingClientRect();
        return {
          px: Number.parseFloat(getComputedStyle(span).fontSize),
          x: box.x,
          y: box.y,
          w: box.width,
          h: box.height,
        };
      }),
    );
    expect(names.length).toBe(8);
    for (const name of names) expect(name.px).toBeGreaterThanOrEqual(11);
    for (const a of names)
      for (const b of names)
        if (a !== b)
          expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
    // Opened by a click, it shows the fandoms; the world is fitted again, smaller, above it.
    await page.locator('.legend summary').click();
    await expect.poll(legendOpen).toBe(true);
    expect(await page.locator('.legend').innerText()).toContain('Orbit');
    await expect.poll(clearOfOverlays).toBe(true);
    expect((await worldOnPage()).right - (await worldOnPage()).left).toBeLessThan(folded.right - folded.left);
    // The user's choice stands: a resize does not fold it again.
    await page.setViewportSize({ width: 1000, height: 760 });
    await expect.poll(clearOfOverlays).toBe(true);
    expect(await legendOpen()).toBe(true);
    // A large projector canvas has room for the open legend beside the world.
    const large = await session.open(`${session.url()}?agents=${E2E_AGENTS}`, {
      viewport: { width: 1920, height: 1080 },
    });
    await large.page.locator('[data-testid="theme"]').selectOption('projector');
    await expect
      .poll(() => large.page.locator('.legend details').evaluate((d) => (d as HTMLDetailsElement).open))
      .toBe(true);
  });

  it('fits the world again below the overlays when they grow after it was drawn, and clear of the zoom buttons (a phone: the read-outs gain their trend row)', async () => {
    const { page } = await session.open(`${session.url()}?agents=${E2E_AGENTS}`, {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
    });
    const worldTopClear = async () => {
      const stage = (await page.locator('#stage').boundingBox())!;
      const overlays = (await page.locator('.stage-top').boundingBox())!;
      const fitted = await page.locator('#stage').getAttribute('data-fitted-world');
      const hasTrendRow = (await page.locator('.readouts .reach li').count()) > 0;
      return hasTrendRow && stage.y + Number(fitted?.split(' ')[1]) >= overlays.y + overlays.height;
    };
    await expect.poll(worldTopClear).toBe(true);
    // The world spans the narrow canvas's width, so it moves left of (or above) the zoom buttons instead of under them.
    const clearOfZoomButtons = async () => {
      const stage = (await page.locator('#stage').boundingBox())!;
      const buttons = (await page.locator('.zoom').boundingBox())!;
      const [, , right, bottom] = (await page.locator('#stage').getAttribute('data-fitted-world'))!
        .split(' ')
        .map(Number) as [number, number, number, number];
      return stage.x + right <= buttons.x || stage.y + bottom <= buttons.y;
    };
    await expect.poll(clearOfZoomButtons).toBe(true);
  });

  it('lays the canvas overlays out without overlap or clipping in a 1024×768 window, the projector theme and 800×600', async () => {
    type Box = { x: number; y: number; width: number; height: number };
    const overlap = (a: Box, b: Box) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const inside = (inner: Box, outer: Box) =>
      inner.x >= outer.x - 0.5 &&
      inner.y >= outer.y - 0.5 &&
      inner.x + inner.width <= outer.x + outer.width + 0.5 &&
      inner.y + inner.height <= outer.y + outer.height + 0.5;
    for (const theme of ['dark', 'projector']) {
      const { page } = await session.open(`${session.url()}?agents=${E2E_AGENTS}`, {
        viewport: { width: 1024, height: 768 },
      });
      if (theme === 'projector') await page.locator('[data-testid="theme"]').selectOption('projector');
      const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
      const stage = await box('.stage-wrap');
      // The read-outs and the view switches never cover each other; the GIF button stays on the canvas's strip.
      expect(overlap(await box('.readouts'), await box('.view-bar')), theme).toBe(false);
      expect(inside(await box('.timeline-gif'), stage), theme).toBe(true);
      expect(inside(await box('.view-bar'), stage), theme).toBe(true);
      // A long experiment label wraps inside its panel.
      const panel = await box('[data-testid="experiments"]');
      for (const button of await page.locator('[data-testid="experiments"] button').all())
        expect(inside((await button.boundingBox())!, panel), theme).toBe(true);
    }
    // In a small window the fitted world starts below the read-outs and switches, not under them (F refits too).
    const { page } = await session.open(`${session.url()}?agents=${E2E_AGENTS}`, {
      viewport: { width: 800, height: 600 },
    });
    const labelsClearOfOverlays = async () => {
      const overlays = (await page.locator('.stage-top').boundingBox())!;
      const labelTops = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('#stage .region-labels > span')].map(
          (span) => span.getBoundingClientRect().y,
        ),
      );
      expect(labelTops.length).toBe(8);
      return Math.min(...labelTops) >= overlays.y + overlays.height;
    };
    await page.keyboard.press('f');
    expect(await labelsClearOfOverlays()).toBe(true);
    // The projector theme's larger read-outs reach further down: the world is fitted again below them.
    await page.locator('[data-testid="theme"]').selectOption('projector');
    await expect.poll(labelsClearOfOverlays).toBe(true);
  });
});
