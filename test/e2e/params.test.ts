// End-to-end: edits world-list records (a platform, a trend) and the events in the built app's parameter panel and checks the engine runs exactly the edited scenario, through a share link and a reset too; refused and rebalanced edits; trend colours.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mergePatch } from '../../sim/host/merge-patch.ts';
import { createWorldEngine } from '../../sim/model/engine.ts';
import { replicateMaker } from '../../sim/model/replicates.ts';
import { worldScenarioSchema } from '../../sim/params/world.ts';
import { DEFAULT_AGENTS } from '../../sim/params/world-records.ts';
import type { ScenarioJson } from '../../sim/protocol.ts';
import { decodeShare, payloadFromHash, shareHash } from '../../src/share/codec.ts';
import { getIn as getPath, resolveScenario, worldNames } from '../../src/ui/param-records.ts';
import { stateHash, stepTimes, waitForInt, waitUntilReady } from './browser.ts';
import { useAppSession } from './session.ts';

/** As in app.test.ts: small enough for software WebGL on 2 shared cores. */
const E2E_AGENTS = 3000;
/** Korea's share of agents on Loop (the short-video platform) after the edit; the default is far higher. */
const KOREA_ON_LOOP = 0.2;

const session = useAppSession();

async function open(url: string): Promise<Page> {
  return (await session.open(url)).page;
}

/** Opens a folder of the panel by clicking its summary, as a user would. */
async function openFolder(page: Page, scope: string, title: string): Promise<void> {
  const folder = page.locator(scope, { has: page.locator(':scope > summary', { hasText: title }) }).first();
  if ((await folder.getAttribute('open')) === null) await folder.locator(':scope > summary').click();
}

/** Opens the panel's `group` folder and, in it, the folders titled `records` in turn (a record, then a sub-folder). */
async function openInPanel(page: Page, group: string, ...records: string[]): Promise<void> {
  await openFolder(page, '#params-panel', 'Parameters');
  await openFolder(page, '.param-group', group);
  for (const title of records) await openFolder(page, '.param-record', title);
}

/** Clicks Share link and returns the link and what it carries (the decoded share payload). */
async function shareLink(page: Page) {
  await page.locator('[data-testid="share"]').click();
  await page.waitForFunction(() => window.location.hash.startsWith('#s='));
  const link = page.url();
  return { link, shared: decodeShare(payloadFromHash(new URL(link).hash) ?? '') };
}

/** The typed-value box of the compact row whose slider edits `path`. */
function box(page: Page, path: string) {
  return page.locator('.param-row', { has: page.locator(`[data-path="${path}"]`) }).locator('.param-box');
}

function message(page: Page, path: string) {
  return page.locator('.param-row', { has: page.locator(`[data-path="${path}"]`) }).locator('.param-message');
}

/** The published preset the app opens first (fetched from the served site). */
async function firstPreset(): Promise<ScenarioJson> {
  return (await (
    await fetch(new URL('scenarios/dance-challenge.json', session.url()))
  ).json()) as ScenarioJson;
}

/** The same run in Node: `scenario` with `seed`, stepped `ticks` times. */
function nodeStateHash(scenario: ScenarioJson, seed: string, ticks: number): string {
  const engine = createWorldEngine(worldScenarioSchema.parse({ ...scenario, seed }));
  for (let i = 0; i < ticks; i++) engine.step();
  return engine.stateHash();
}

describe('editing world records in the parameter panel', () => {
  it('runs the edited platform and trend, and keeps them through a share link, an export and a reset', async () => {
    const page = await open(`${session.url()}?agents=${E2E_AGENTS}`);
    const seed = await page.locator('[data-testid="seed"]').inputValue();
    const original = await stateHash(page, 0);
    await openInPanel(page, 'Platforms', 'Loop');
    await openFolder(
      page,
      '.param-record:has(> summary:has-text("Loop")) .param-sub',
      'Membership by region',
    );
    await openInPanel(page, 'Trends', 'Orbit Step Challenge');

    // Platform: type Korea's membership on Loop; the world is rebuilt with fewer Loop members at tick 0.
    const korea = box(page, 'world.platforms.0.membershipByRegion.0');
    await expect.poll(() => korea.inputValue()).not.toBe(String(KOREA_ON_LOOP));
    await korea.fill(String(KOREA_ON_LOOP));
    await korea.press('Enter');
    const edited = await stateHash(page, 0, original);

    // Trend: the effort slider, by keyboard (Home = the minimum, 0: one exposure is enough).
    const effort = page.locator('[data-path="trends.0.effort"]');
    await effort.focus();
    await effort.press('Home');
    await expect.poll(() => box(page, 'trends.0.effort').inputValue()).toBe('0');
    await waitUntilReady(page);
    await stepTimes(page, 12);
    const hash12 = await stateHash(page, 12);

    // The share link carries both edits, and Node running the linked scenario reaches the page's exact state.
    const { link, shared } = await shareLink(page);
    const platforms = (shared.patch.world as { platforms: { membershipByRegion: number[] }[] }).platforms;
    expect(platforms[0]!.membershipByRegion[0]).toBe(KOREA_ON_LOOP);
    expect((shared.patch.trends as { effort?: number }[])[0]!.effort).toBe(0);
    const linked = mergePatch(await firstPreset(), shared.patch);
    expect(nodeStateHash(linked, seed, 12)).toBe(hash12);
    // … and the trend edit matters: without it the run is elsewhere by tick 12.
    const withoutEffort = mergePatch(linked, {
      trends: (linked.trends as Record<string, unknown>[]).map(({ effort: _e, ...rest }) => rest),
    });
    expect(nodeStateHash(withoutEffort, seed, 12)).not.toBe(hash12);

    const reopened = await open(link);
    await waitForInt(reopened, 'tick', '==', 12, 60_000);
    expect(await stateHash(reopened, 12)).toBe(hash12);
    expect(await box(reopened, 'world.platforms.0.membershipByRegion.0').inputValue()).toBe(
      String(KOREA_ON_LOOP),
    );
    expect(await box(reopened, 'trends.0.effort').inputValue()).toBe('0');

    // The summary export holds the edited scenario where the scalar parameters are.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="export-json"]').click(),
    ]);
    const summary = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as {
      seed: string;
      scenario: ScenarioJson;
    };
    expect(summary.seed).toBe(seed);
    expect(summary.scenario).toEqual(mergePatch(await firstPreset(), shared.patch));
    expect(getPath(summary.scenario, ['world', 'platforms', '0', 'membershipByRegion', '0'])).toBe(
      KOREA_ON_LOOP,
    );
    expect(getPath(summary.scenario, ['trends', '0', 'effort'])).toBe(0);

    // Reset rebuilds the edited world, not the preset's.
    await page.locator('[data-testid="reset"]').click();
    await waitUntilReady(page);
    expect(await stateHash(page, 0, hash12)).toBe(edited);
    expect(await korea.inputValue()).toBe(String(KOREA_ON_LOOP));
  });

  it('picks a region’s main language by name and runs the world with that language’s index', async () => {
    const page = await open(`${session.url()}?agents=${E2E_AGENTS}`);
    const seed = await page.locator('[data-testid="seed"]').inputValue();
    // Languages only show in the state hash once agents have acted on them: compare at tick 12, not 0.
    await stepTimes(page, 12);
    const unedited = await stateHash(page, 12);
    await openInPanel(page, 'Regions', 'Korea');

    // A select of the world's language names (schema metadata indexOf: 'languages'), showing Korea's: Korean.
    const preset = await firstPreset();
    const languages = worldNames(resolveScenario(worldScenarioSchema, preset)).languages;
    const select = page.locator('select[data-path="world.regions.0.mainLanguage"]');
    expect(await select.locator('option').allTextContents()).toEqual(languages);
    expect(await select.inputValue()).toBe(String(languages.indexOf('Korean')));
    await select.selectOption({ label: 'English' });
    // The edit rebuilds the world at tick 0; the same 12 steps then end elsewhere.
    await waitForInt(page, 'tick', '==', 0);
    await waitUntilReady(page);
    await stepTimes(page, 12);
    const edited = await stateHash(page, 12, unedited);

    // The scenario holds the index (not the name), and Node running it reaches the page's state.
    const { shared } = await shareLink(page);
    const english = languages.indexOf('English');
    expect(getPath(shared.patch, ['world', 'regions', 0, 'mainLanguage'])).toBe(english);
    expect(nodeStateHash(mergePatch(preset, shared.patch), seed, 12)).toBe(edited);
    expect(await select.inputValue()).toBe(String(english));
  });

  it('refuses an edit that breaks a schema rule with its message, and rebalances the feed mix', async () => {
    const page = await open(`${session.url()}?agents=${E2E_AGENTS}`);
    const before = await stateHash(page, 0);
    await openInPanel(page, 'Platforms', 'Talk', 'Loop');
    await openFolder(page, '.param-record:has(> summary:has-text("Loop")) .param-sub', 'Feed mix');

    // Talk is a groups platform: a mean group size under 2 is refused with the schema's own words.
    const talkTies = box(page, 'world.platforms.4.meanTies');
    const tiesBefore = await talkTies.inputValue();
    await talkTies.fill('1.5');
    await talkTies.press('Enter');
    const refusal = message(page, 'world.platforms.4.meanTies');
    await expect.poll(() => refusal.textContent()).toContain('on a groups platform');
    expect(await refusal.textContent()).toContain('Not applied');
    expect(await talkTies.getAttribute('aria-invalid')).toBe('true');
    expect(await talkTies.inputValue()).toBe(tiesBefore);
    // A number beyond any double is no number: refused, and the box shows the value in force again.
    await talkTies.fill('1e400');
    await talkTies.press('Enter');
    await expect.poll(() => refusal.textContent()).toContain('must be a number in 1 – 1,000 ties');
    expect(await talkTies.inputValue()).toBe(tiesBefore);
    expect(await page.locator('#app').getAttribute('data-phase')).toBe('ready');
    expect(await page.locator('#app').getAttribute('data-state-hash')).toBe(before);

    // Loop's feed is 0.3 follows / 0.6 recommended / 0.1 trending: follows 0.5 leaves 0.5 split 6:1.
    const follows = box(page, 'world.platforms.0.feedMix.follows');
    await follows.fill('0.5');
    await follows.press('Enter');
    await expect
      .poll(() => message(page, 'world.platforms.0.feedMix.follows').textContent())
      .toContain('must sum to 1');
    expect(await refusal.isHidden()).toBe(true);
    await expect.poll(() => box(page, 'world.platforms.0.feedMix.recommended').inputValue()).toBe('0.428571');
    expect(await box(page, 'world.platforms.0.feedMix.trending').inputValue()).toBe('0.071429');
    // The boxes show the store's scenario, so the rebalanced mix was applied; the rebuilt world comes up.
    await waitUntilReady(page);
  });
});

/** The folder of the Events group whose title starts with `title`. */
function eventFolder(page: Page, title: string) {
  return page
    .locator('.param-group:has(> summary:text-is("Events")) .param-record', {
      has: page.locator(':scope > summary', { hasText: title }),
    })
    .first();
}

describe('a world too big for this device', () => {
  it('refuses the Agents slider at its maximum and leaves the run shown as it was, slider included', async () => {
    const page = await open(`${session.url()}?agents=${E2E_AGENTS}`);
    const tick = await stepTimes(page, 3);
    const hash = await stateHash(page, tick);
    await openInPanel(page, 'World');
    const slider = page.locator('input[type="range"][data-path="world.agents"]');
    const before = await slider.inputValue();
    await slider.focus();
    await page.keyboard.press('End'); // 100,000,000 agents: tens of GB
    await page
      .getByText(/needs about [\d,]+ MB of memory.*the run shown goes on unchanged/)
      .first()
      .waitFor();
    // The slider keeps the focus, yet shows the agent count in force again; the run is where it was.
    await expect.poll(() => slider.inputValue()).toBe(before);
    expect(await slider.getAttribute('aria-valuetext')).toBe(`${E2E_AGENTS.toLocaleString('en-US')} agents`);
    expect(await page.locator('#app').getAttribute('data-state-hash')).toBe(hash);
    expect(await stepTimes(page, 1)).toBe(tick + 1);
  });
});

/**
 * Moves the Agents slider to its first position of at least `agents` as a drag would (input events, then one change)
 * and returns the count it shows. The slider is logarithmic, so the count is a little over `agents`.
 */
async function dragAgentsTo(page: Page, agents: number): Promise<number> {
  const slider = page.locator('input[type="range"][data-path="world.agents"]');
  const shown = await slider.evaluate((input: HTMLInputElement, want: number) => {
    for (let position = 0; position <= Number(input.max); position++) {
      input.value = String(position);
      input.dispatchEvent(new Event('input'));
      const count = Number((input.getAttribute('aria-valuetext') ?? '').replace(/[^0-9]/g, ''));
      if (count >= want) {
        input.dispatchEvent(new Event('change'));
        return count;
      }
    }
    return 0;
  }, agents);
  expect(shown).toBeGreaterThanOrEqual(agents);
  return shown;
}

describe('a big world being built', () => {
  it('shows its size, stage, share done and time taken, and Cancel brings back the run shown before at its tick', async () => {
    const page = await open(`${session.url()}?agents=${E2E_AGENTS}`);
    const tick = await stepTimes(page, 3);
    const hash = await stateHash(page, tick);
    await openInPanel(page, 'World');
    const agents = await dragAgentsTo(page, 1_000_000);
    const card = page.locator('[data-testid="build-progress"]');
    await card.waitFor({ state: 'visible' });
    expect(await card.locator('strong').textContent()).toBe(
      `Building a world of ${agents.toLocaleString('en-US')} agents`,
    );
    // A million agents take seconds per layer here: wait until the card names a layer and its share has moved.
    const detail = page.locator('[data-testid="build-detail"]');
    await expect
      .poll(() => detail.textContent(), { timeout: 60_000 })
      .toMatch(/^([1-9]\d*)% · \S+ (follows|groups) · \d+ s$/);
    // The page still shows the old worker's hash: forget it, so the hash read below is the new worker's.
    await page.evaluate(() => document.querySelector('#app')?.removeAttribute('data-state-hash'));
    // From the keyboard: the focus goes to the canvas's region when the card closes, not to the page's body.
    await page.locator('[data-testid="build-cancel"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => card.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('stage-wrap');
    // The same run, at the same tick, with the same state, the slider back on its agent count; and it plays on.
    expect(await stateHash(page, tick)).toBe(hash);
    await waitUntilReady(page);
    expect(
      await page.locator('input[type="range"][data-path="world.agents"]').getAttribute('aria-valuetext'),
    ).toBe(`${E2E_AGENTS.toLocaleString('en-US')} agents`);
    expect(await page.locator('[data-testid="error-banner"]').textContent()).toContain('replayed to tick 3');
    expect(await stepTimes(page, 1)).toBe(tick + 1);
  });
});

describe('the first world of a page opened with ?agents= for a big world', () => {
  it('stopped, runs at the default size, and the big size leaves the address and does not come back with the next preset', async () => {
    const { page } = await session.watch(`${session.url()}?agents=1000000`);
    await page.locator('[data-testid="build-progress"]').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('[data-testid="build-cancel"]').click();
    await waitUntilReady(page);
    const slider = page.locator('input[type="range"][data-path="world.agents"]');
    await openInPanel(page, 'World');
    expect(await slider.getAttribute('aria-valuetext')).toBe(
      `${DEFAULT_AGENTS.toLocaleString('en-US')} agents`,
    );
    // A reload or a copied address would otherwise ask for the million agents again.
    expect(new URL(page.url()).searchParams.has('agents')).toBe(false);
    // The next preset runs at its own size: the page's option would have made it a million agents again.
    await page.locator('[data-preset="dalgona-lockdown"]').click();
    await expect
      .poll(() => page.locator('[data-preset="dalgona-lockdown"]').getAttribute('aria-pressed'))
      .toBe('true');
    const own = (
      (await (await fetch(new URL('scenarios/dalgona-lockdown.json', session.url()))).json()) as {
        world: { agents: number };
      }
    ).world.agents;
    await expect
      .poll(() => slider.getAttribute('aria-valuetext'))
      .toBe(`${own.toLocaleString('en-US')} agents`);
    expect(own).toBeLessThan(1_000_000);
    await waitUntilReady(page);
    expect(await page.locator('[data-testid="build-progress"]').isVisible()).toBe(false);
  });
});

describe('another world asked for during a big build', () => {
  it('is built at once by a new worker, not after the big one', async () => {
    const page = await open(`${session.url()}?agents=${E2E_AGENTS}`);
    const seed = await page.locator('[data-testid="seed"]').inputValue();
    await openInPanel(page, 'World');
    await dragAgentsTo(page, 1_000_000);
    await page.locator('[data-testid="build-progress"]').waitFor({ state: 'visible' });
    // Every state hash the page is told from now on (the engine reports one per world built and per step).
    await page.evaluate(() => {
      const app = document.querySelector('#app')!;
      const seen: string[] = [];
      (window as unknown as { hashesSeen: string[] }).hashesSeen = seen;
      new MutationObserver(() => seen.push(app.getAttribute('data-state-hash') ?? '')).observe(app, {
        attributeFilter: ['data-state-hash'],
      });
    });
    await page.locator('[data-preset="dalgona-lockdown"]').click();
    const preset = (await (
      await fetch(new URL('scenarios/dalgona-lockdown.json', session.url()))
    ).json()) as ScenarioJson;
    const small = mergePatch(preset, { world: { agents: E2E_AGENTS } });
    await waitUntilReady(page);
    expect(await stepTimes(page, 1)).toBe(1);
    // The preset's world and its first step, and nothing else: a queued request would have waited for the 1M world,
    // which would have reported its own hash first.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { hashesSeen: string[] }).hashesSeen))
      .toEqual([nodeStateHash(small, seed, 0), nodeStateHash(small, seed, 1)]);
  });
});

describe('editing the events in the parameter panel', () => {
  it('moves, adds and removes events, refuses a bad end tick, and runs and shares exactly that timeline', async () => {
    const page = await open(`${session.url()}?agents=${E2E_AGENTS}`);
    const seed = await page.locator('[data-testid="seed"]').inputValue();
    const preset = await firstPreset();
    const original = await stateHash(page, 0);
    await openInPanel(page, 'Events', 'Idol live · tick 35 · Orbit');

    // Move the idol's live stream to tick 5: the folder's title follows, its end moves along (35–38 becomes 5–8),
    // and the world is rebuilt.
    const tick = box(page, 'events.0.tick');
    await tick.fill('5');
    await tick.press('Enter');
    await expect.poll(() => eventFolder(page, 'Idol live · tick 5 · Orbit').count()).toBe(1);
    await expect.poll(() => message(page, 'events.0.tick').textContent()).toContain('until tick became 8');
    // (The world at tick 0 is the same: the event only acts once tick 5 runs.)
    await waitUntilReady(page);
    expect(await stateHash(page, 0)).toBe(original);

    // An end before tick 1 is refused with the schema's message, and the box snaps back.
    const until = box(page, 'events.0.until');
    await until.fill('0');
    await until.press('Enter');
    const refusal = message(page, 'events.0.until');
    await expect.poll(() => refusal.textContent()).toContain('events[0].until: must be an integer from 1');
    expect(await refusal.textContent()).toContain('Not applied');
    expect(await until.inputValue()).toBe('8');

    // Add a ban (a day after the current tick, on the first platform), then move it to tick 6.
    await page.locator('[data-testid="add-event-type"]').selectOption('ban');
    await page.locator('[data-testid="add-event"]').click();
    await openFolder(page, '.param-record', 'Ban · tick 24 · Loop');
    const banTick = box(page, 'events.1.tick');
    await banTick.fill('6');
    await banTick.press('Enter');
    await expect.poll(() => eventFolder(page, 'Ban · tick 6 · Loop').count()).toBe(1);
    expect(await page.locator('select[data-path="events.1.platform"] option').allTextContents()).toEqual(
      worldNames(resolveScenario(worldScenarioSchema, preset)).platforms,
    );
    await waitUntilReady(page);
    await stepTimes(page, 12);
    const hash12 = await stateHash(page, 12);

    // The share link carries both events; Node running it reaches the page's state, with Loop banned since tick 6.
    const { shared } = await shareLink(page);
    expect(shared.patch.events).toEqual([
      { type: 'idol-live', tick: 5, until: 8, fandom: 'Orbit', boost: 4, fanBoost: 2 },
      { type: 'ban', tick: 6, platform: 'Loop' },
    ]);
    const linked = mergePatch(preset, shared.patch);
    expect(nodeStateHash(linked, seed, 12)).toBe(hash12);
    const engine = createWorldEngine(worldScenarioSchema.parse({ ...linked, seed }));
    for (let i = 0; i < 12; i++) engine.step();
    expect(engine.summary().platforms.map((p) => p.available)).toEqual([false, true, true, true, true]);

    // Remove the idol's live stream: one folder is left, and reset rebuilds the edited timeline. The ban's folder,
    // closed first, stays closed: it does not inherit the open state of the removed folder it moves into.
    await eventFolder(page, 'Ban · tick 6 · Loop').locator(':scope > summary').click();
    expect(await eventFolder(page, 'Ban · tick 6 · Loop').getAttribute('open')).toBeNull();
    expect(await eventFolder(page, 'Idol live').getAttribute('open')).not.toBeNull();
    await page.locator('[data-testid="remove-event-0"]').click();
    await expect.poll(() => eventFolder(page, 'Idol live').count()).toBe(0);
    expect(await eventFolder(page, 'Ban · tick 6 · Loop').getAttribute('open')).toBeNull();
    await page.locator('[data-testid="reset"]').click();
    await waitUntilReady(page);
    expect(
      await page
        .locator('.param-group:has(> summary:text-is("Events")) .param-record > summary')
        .allTextContents(),
    ).toEqual(['Ban · tick 6 · Loop']);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="export-json"]').click(),
    ]);
    const summary = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as {
      scenario: ScenarioJson;
    };
    expect(summary.scenario.events).toEqual([{ type: 'ban', tick: 6, platform: 'Loop' }]);
  });

  it('shows a fandom given by number (1-based, as the engine reads it) by that fandom’s name', async () => {
    const fandoms = worldNames(resolveScenario(worldScenarioSchema, await firstPreset())).fandoms;
    const event = { type: 'idol-live', tick: 35, until: 38, fandom: 2, boost: 4, fanBoost: 2 };
    const hash = shareHash({
      presetId: 'dance-challenge',
      patch: { events: [event] },
      seed: 'numbered',
      tick: 0,
    });
    const page = await open(`${session.url()}?agents=${E2E_AGENTS}${hash}`);
    await openInPanel(page, 'Events');
    expect(await eventFolder(page, `Idol live · tick 35 · ${fandoms[1]}`).count()).toBe(1);
    await openFolder(page, '.param-record', 'Idol live · tick 35');
    expect(await page.locator('select[data-path="events.0.fandom"]').inputValue()).toBe(fandoms[1]);
  });

  it('picks a trend’s colour, which the legend shows after the rebuild', async () => {
    const page = await open(`${session.url()}?agents=${E2E_AGENTS}`);
    await openInPanel(page, 'Trends', 'Orbit Step Challenge');
    const picker = page.locator('input[type="color"][data-path="trends.0.color"]');
    // The dance-challenge kind's colour until edited.
    expect(await picker.inputValue()).toBe('#ff4f9a');
    await picker.fill('#3d8bff');
    const swatch = page.locator('.legend li', { hasText: 'Orbit Step Challenge' }).locator('.swatch');
    await expect.poll(() => swatch.getAttribute('style')).toContain('#3d8bff');
    await waitUntilReady(page);
    const { shared } = await shareLink(page);
    expect(getPath(shared.patch, ['trends', '0', 'color'])).toBe('#3d8bff');
  });

  it('renames a trend, refusing an empty name, and the legend, folder and share link follow', async () => {
    const page = await open(`${session.url()}?agents=${E2E_AGENTS}`);
    await openInPanel(page, 'Trends', 'Orbit Step Challenge');
    const name = page.locator('input[type="text"][data-path="trends.0.name"]');
    expect(await name.inputValue()).toBe('Orbit Step Challenge');

    await name.fill('   ');
    await name.press('Enter');
    const refusal = page.locator('.param-row', { has: name }).locator('.param-message');
    await expect
      .poll(() => refusal.textContent())
      .toContain('trends[0].name: must be a name, 1 to 80 characters');
    expect(await name.inputValue()).toBe('Orbit Step Challenge');

    await name.fill('  Class Dance ');
    await name.press('Enter');
    await expect.poll(() => page.locator('.legend li', { hasText: 'Class Dance' }).count()).toBe(1);
    expect(await page.locator('.param-record > summary', { hasText: 'Class Dance' }).count()).toBe(1);
    await waitUntilReady(page);
    const { shared } = await shareLink(page);
    expect(getPath(shared.patch, ['trends', '0', 'name'])).toBe('Class Dance');
  });

  it('slides event ticks over 90 days and types later ticks in the box', async () => {
    const page = await open(`${session.url()}?agents=${E2E_AGENTS}`);
    await openInPanel(page, 'Events', 'Idol live · tick 35 · Orbit');
    const slider = page.locator('input[type="range"][data-path="events.0.tick"]');
    // Tick 35 of a 0–2,160 slider (1,000 steps), where a 0–10,000,000 slider would sit at its very start.
    expect(await slider.inputValue()).toBe(String(Math.round((35 / 2160) * 1000)));
    const tick = box(page, 'events.0.tick');
    await tick.fill('5000');
    await tick.press('Enter');
    await expect.poll(() => eventFolder(page, 'Idol live · tick 5000 · Orbit').count()).toBe(1);
    expect(await slider.inputValue()).toBe('1000');
    // Its end moved along, so the live stream lasts as long as before (an end before the start is refused).
    await expect.poll(() => message(page, 'events.0.tick').textContent()).toMatch(/until tick became 50\d\d/);
  });
});

describe('comparing with the previous run', () => {
  /** The legend rows of the chart captioned `title`: visible ones are the current run's series. */
  const legend = (page: Page, title: string) =>
    page.evaluate((caption) => {
      const chart = [...document.querySelectorAll('figure.chart')].find(
        (f) => f.querySelector('figcaption')?.textContent === caption,
      );
      const rows = [...(chart?.querySelectorAll<HTMLElement>('.u-legend .u-series') ?? [])];
      return { all: rows.length, shown: rows.filter((r) => !r.hidden).map((r) => r.textContent ?? '') };
    }, title);

  it("runs a preset's suggested experiment in one click, exactly the patched scenario, and compares it with the preset", async () => {
    const page = await open(`${session.url()}?agents=${E2E_AGENTS}`);
    await page.locator('[data-preset="filter-bubble"]').click();
    await waitUntilReady(page);
    const seed = await page.locator('[data-testid="seed"]').inputValue();
    await expect
      .poll(() => page.locator('#story-panel .story-title').textContent())
      .toBe('Filter bubble: the recommender shapes what we see');
    await stepTimes(page, 6);
    const randomFeed = page.locator('[data-testid="experiments"] button', { hasText: 'Try: a random feed' });
    expect(await randomFeed.getAttribute('aria-pressed')).toBe('false');
    await randomFeed.click();
    await waitUntilReady(page);
    await waitForInt(page, 'tick', '==', 0);
    expect(await randomFeed.getAttribute('aria-pressed')).toBe('true');
    await openInPanel(page, 'Recommender');
    expect(await page.locator('select[data-path="recommender.strategy"]').inputValue()).toBe('random');
    await stepTimes(page, 6);
    await expect
      .poll(() => page.locator('.compare-note').textContent())
      .toContain('recommender.strategy: "collaborative" → "random"');
    const preset = (await (
      await fetch(new URL('scenarios/filter-bubble.json', session.url()))
    ).json()) as ScenarioJson;
    const patched = mergePatch(preset, {
      world: { agents: E2E_AGENTS },
      recommender: { strategy: 'random' },
    });
    expect(await stateHash(page, 6)).toBe(nodeStateHash(patched, seed, 6));
  });

  it('runs replicates of the previous settings with the same seeds beside the current ones, as Node runs both', async () => {
    const page = await open(`${session.url()}?agents=${E2E_AGENTS}`);
    await page.locator('[data-preset="filter-bubble"]').click();
    await waitUntilReady(page);
    const seed = await page.locator('[data-testid="seed"]').inputValue();
    await openInPanel(page, 'Recommender');
    await page.locator('select[data-path="recommender.strategy"]').selectOption('chronological');
    await waitUntilReady(page);
    await page.locator('#replicates-panel > summary').click();
    await expect.poll(() => page.locator('[data-testid="replicates-compare"]').isVisible()).toBe(true);
    expect(await page.locator('.replicates-compare').textContent()).toContain(
      'recommender.strategy: "collaborative" → "chronological"',
    );
    await page.locator('[data-testid="replicates-runs"]').fill('3');
    await page.locator('[data-testid="replicates-days"]').fill('1');
    await page.locator('[data-testid="replicates-run"]').click();
    await page
      .locator('[data-testid="replicates-status"]')
      .getByText(`3 runs of 1 day for each of the two settings, seeds ${seed} … ${seed}-2.`)
      .waitFor({ timeout: 90_000 });
    const table = page.locator('[data-testid="replicates-table"]');
    const finals = JSON.parse((await table.getAttribute('data-finals')) ?? '[]');
    const previousFinals = JSON.parse((await table.getAttribute('data-previous-finals')) ?? '[]');

    // Node runs both settings' replicates with the same seeds (run r seeded seed-r, as the CLI's --runs).
    const preset = (await (
      await fetch(new URL('scenarios/filter-bubble.json', session.url()))
    ).json()) as ScenarioJson;
    const collaborative = mergePatch(preset, { world: { agents: E2E_AGENTS }, seed });
    const chronological = mergePatch(collaborative, { recommender: { strategy: 'chronological' } });
    const nodeFinals = (scenario: ScenarioJson) => {
      const make = replicateMaker(worldScenarioSchema.parse(scenario), seed);
      const perRun = [0, 1, 2].map((run) => {
        const { engine } = make(run);
        for (let tick = 0; tick < 24; tick++) engine.step();
        return engine.summary().trends.map((t) => t.adopters);
      });
      return perRun[0]!.map((_, t) => perRun.map((adopters) => adopters[t]));
    };
    expect(finals).toEqual(nodeFinals(chronological));
    expect(previousFinals).toEqual(nodeFinals(collaborative));
    expect(previousFinals[0]).not.toEqual(finals[0]); // the setting made a difference to compare
    expect(await page.locator('[data-testid="replicates-sentence"]').textContent()).toMatch(
      /with the previous settings; higher in \d of 3 runs with the same seeds, lower in \d \(sign test p = [\d.]+\)\.$/,
    );
  });

  it('draws the previous run of the preset dashed, says what changed, turns it off, and drops it for another preset', async () => {
    const page = await open(`${session.url()}?agents=${E2E_AGENTS}`);
    await stepTimes(page, 12);
    const note = page.locator('.compare-note');
    expect(await note.isHidden()).toBe(true); // nothing to compare with yet
    const trends = (await legend(page, 'Adoption per trend')).shown;
    expect(trends.length).toBeGreaterThan(0);

    await openInPanel(page, 'Recommender');
    await page.locator('select[data-path="recommender.strategy"]').selectOption('random');
    await waitUntilReady(page);
    await waitForInt(page, 'tick', '==', 0);
    await stepTimes(page, 6);
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('recommender.strategy: "collaborative" → "random"');
    // Both runs' figures at the current tick: one row per trend, then topic entropy and homogenization.
    await expect
      .poll(() => page.locator('[data-testid="compare-figures"] thead').textContent())
      .toContain('at tick 6');
    const figureRows = await page.locator('[data-testid="compare-figures"] tbody tr').allInnerTexts();
    expect(figureRows).toHaveLength(trends.length + 2);
    // Every chart carries the previous run's series as well, out of the legend (the note explains the dashes).
    await expect.poll(async () => (await legend(page, 'Adoption per trend')).all).toBe(2 * trends.length);
    expect((await legend(page, 'Adoption per trend')).shown).toEqual(trends);
    expect((await legend(page, 'Exposure diversity')).all).toBe(6);

    await page.locator('[data-testid="compare-previous"]').uncheck();
    await expect.poll(async () => (await legend(page, 'Adoption per trend')).all).toBe(trends.length);
    await page.locator('[data-testid="compare-previous"]').check();
    await expect.poll(async () => (await legend(page, 'Adoption per trend')).all).toBe(2 * trends.length);

    // Another preset is another story: nothing to compare.
    await page.locator('[data-preset="platform-ban"]').click();
    await waitUntilReady(page);
    await stepTimes(page, 3);
    await expect.poll(() => note.isHidden()).toBe(true);
    expect((await legend(page, 'Exposure diversity')).all).toBe(3);
  });
});
