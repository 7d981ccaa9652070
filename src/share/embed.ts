// Embed URLs and the iframe snippet: a share link ⇄ the same run in the embedded view (?embed=1) or the full app. Pure: no DOM, no store; links come from link.ts.
import { EMBED_OPTION, EMBED_PARAM } from '../state/url-options.ts';

/** The snippet's default size: big enough for the control strip and a readable world, small enough for a blog column. */
export const EMBED_SIZE = { width: 640, height: 400 } as const;

/** What the iframe is called for screen readers (an iframe needs a title). */
export const EMBED_TITLE = 'Hallyu Lab: how a trend spreads (interactive simulation)';

/**
 * `shareLink` (page URL with `#s=…`) opened in the embedded view: `?embed=1` first (where a reader of the snippet
 * looks for it), then the link's other options, and its hash.
 */
export function embedUrl(shareLink: string): string {
  const url = new URL(shareLink);
  const query = new URLSearchParams([[EMBED_PARAM, EMBED_OPTION.on]]);
  for (const [key, value] of url.searchParams) if (key !== EMBED_PARAM) query.append(key, value);
  url.search = query.toString();
  return url.toString();
}

/** The full app's URL for the run in `link` (an embed page or share URL): the embed option removed, the hash kept. */
export function fullAppUrl(link: string): string {
  const url = new URL(link);
  url.searchParams.delete(EMBED_PARAM);
  return url.toString();
}

/** Text safe inside a double-quoted HTML attribute (`&` in a query string included, so the snippet is valid HTML). */
function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The `<iframe>` a course page or blog post pastes to show the run in `shareLink` in the embedded view. No sandbox:
 * the app needs scripts and workers from its own origin, and its "Open in Hallyu Lab" link opens a new tab.
 */
export function embedSnippet(
  shareLink: string,
  size: { readonly width: number; readonly height: number } = EMBED_SIZE,
): string {
  const width = Math.round(size.width);
  const height = Math.round(size.height);
  return (
    `<iframe src="${attribute(embedUrl(shareLink))}" width="${width}" height="${height}" ` +
    `title="${attribute(EMBED_TITLE)}" style="border:0;max-width:100%" loading="lazy" allowfullscreen></iframe>`
  );
}
