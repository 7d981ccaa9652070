// The Share button's action: puts the run in the page URL (#s=…) and returns that link for the share panel to show and copy. DOM (location, history) only; encoding is codec.ts.
import type { ScenarioJson } from '../../sim/protocol.ts';
import type { AppStore } from '../state/store.ts';
import { shareHash } from './codec.ts';

/** A preset and the parameters that differ from it (the preset loader's `shareable`). */
export interface Shareable {
  readonly presetId: string;
  readonly patch: ScenarioJson;
}

/** The shareable URL of the run in `store` (keeps the page's path and query, replaces the hash). */
export function shareUrl(
  store: AppStore,
  shareable: () => Shareable | null,
  location: Location = window.location,
): string | null {
  const { seed, tick, replayTick } = store.getState();
  const run = shareable();
  if (!run) return null;
  const url = new URL(location.href);
  url.hash = shareHash({
    presetId: run.presetId,
    patch: run.patch,
    seed,
    tick,
    ...(replayTick === null ? {} : { replayTick }),
  });
  return url.toString();
}

/**
 * Writes the link into the address bar (without reloading), so the page's own URL reopens this run, and returns it;
 * null before there is a run to share. The share panel (src/ui/share-panel.ts) shows it, copies it and builds the embed code.
 */
export function shareRun(store: AppStore, shareable: () => Shareable | null): string | null {
  const link = shareUrl(store, shareable);
  if (link) history.replaceState(null, '', link);
  return link;
}
