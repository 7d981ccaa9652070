// The Share button's action: puts the run in the page URL (#s=…) and copies that link. DOM (location, history, clipboard) only; encoding is codec.ts.
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
  const { seed, tick } = store.getState();
  const run = shareable();
  if (!run) return null;
  const url = new URL(location.href);
  url.hash = shareHash({ presetId: run.presetId, patch: run.patch, seed, tick });
  return url.toString();
}

/**
 * Writes the link into the address bar (without reloading) and copies it to the clipboard when allowed;
 * tells the user either way through the store's notice. Returns the link.
 */
export async function shareRun(store: AppStore, shareable: () => Shareable | null): Promise<string | null> {
  const link = shareUrl(store, shareable);
  if (!link) return null;
  history.replaceState(null, '', link);
  let copied = false;
  try {
    await navigator.clipboard.writeText(link);
    copied = true;
  } catch {
    // Clipboard access needs a secure context and permission; the link is in the address bar anyway.
  }
  store
    .getState()
    .setNotice(
      copied
        ? 'Link copied: it reopens this run (same preset, parameters, seed and tick).'
        : `Link to this run (copy it from the address bar): ${link}`,
    );
  return link;
}
