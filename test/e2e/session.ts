// E2E helper: one built app and one headless Chromium per test file, and pages that must log no console error (checked after each test). Registers vitest hooks; test-only.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium, openPage, type PageShape, type WatchedPage, waitUntilReady } from './browser.ts';
import { type ServedApp, startApp } from './serve.ts';

export interface AppSession {
  /** The served app's URL (it ends in the sub-folder the site is served from). */
  url(): string;
  browser(): Browser;
  /** Opens `url` in a page (of `shape`, default 1280×720) whose console errors fail the test; the page is closed after the test. */
  watch(url: string, shape?: PageShape): Promise<WatchedPage>;
  /** As `watch`, then waits until the world is built and shown. */
  open(url: string, shape?: PageShape): Promise<WatchedPage>;
}

/** Builds and serves the app and launches Chromium before the file's tests; call once at the top of a test file. */
export function useAppSession(): AppSession {
  let app: ServedApp | undefined;
  let browser: Browser | undefined;
  const opened: WatchedPage[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchChromium()]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(async () => {
    // No page may log a console error or throw, in any test.
    for (const { page, errors } of opened.splice(0)) {
      await page.close();
      expect(errors).toEqual([]);
    }
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined)
      throw new Error('the e2e session is not started (call useAppSession at the top level)');
    return value;
  };
  const watch = async (url: string, shape?: PageShape) => {
    const watched = await openPage(started(browser), url, shape);
    opened.push(watched);
    return watched;
  };
  return {
    url: () => started(app).url,
    browser: () => started(browser),
    watch,
    async open(url, shape) {
      const watched = await watch(url, shape);
      await waitUntilReady(watched.page);
      return watched;
    },
  };
}
