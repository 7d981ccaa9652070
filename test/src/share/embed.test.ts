// Tests the embed URLs and the iframe snippet: ?embed=1 added to a share link (hash and options kept), removed for the full app, and a snippet that is valid HTML.
import { describe, expect, it } from 'vitest';
import { decodeShare, payloadFromHash, shareHash } from '../../../src/share/codec.ts';
import { EMBED_SIZE, embedSnippet, embedUrl, fullAppUrl } from '../../../src/share/embed.ts';

const run = { presetId: 'dance-challenge', patch: { world: { agents: 2000 } }, seed: 'class 7', tick: 36 };
const shareLink = `https://example.edu/labs/hallyu/index.html?agents=2000${shareHash(run)}`;

/** The `src` of the snippet's iframe, read back the way a browser parses the attribute. */
function iframeSrc(snippet: string): string {
  const match = /<iframe src="([^"]*)"/.exec(snippet);
  if (!match?.[1]) throw new Error(`no src in ${snippet}`);
  return match[1]
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('embedding a shared run', () => {
  it('opens the same run in the embedded view: ?embed=1 first, the other options and the #s= hash kept', () => {
    const url = new URL(embedUrl(shareLink));
    expect(url.search).toBe('?embed=1&agents=2000');
    expect(url.pathname).toBe('/labs/hallyu/index.html');
    expect(decodeShare(payloadFromHash(url.hash) ?? '')).toEqual(run);
  });

  it('does not add a second embed option to a link that already has one', () => {
    const url = new URL(embedUrl(`https://example.edu/?embed=0&agents=500${shareHash(run)}`));
    expect(url.searchParams.getAll('embed')).toEqual(['1']);
    expect(url.searchParams.get('agents')).toBe('500');
  });

  it('links back to the full app with the same run: the embed option removed, the hash and other options kept', () => {
    const full = new URL(fullAppUrl(embedUrl(shareLink)));
    expect(full.searchParams.has('embed')).toBe(false);
    expect(full.searchParams.get('agents')).toBe('2000');
    expect(full.hash).toBe(shareHash(run));
    expect(fullAppUrl('https://example.edu/app/?embed=1')).toBe('https://example.edu/app/');
  });

  it('writes an iframe of the default size whose src is the embed URL, escaped as HTML', () => {
    const snippet = embedSnippet(shareLink);
    expect(snippet.startsWith('<iframe ')).toBe(true);
    expect(snippet.endsWith('></iframe>')).toBe(true);
    expect(snippet).toContain(`width="${EMBED_SIZE.width}" height="${EMBED_SIZE.height}"`);
    expect(snippet).toContain('?embed=1&amp;agents=2000#s=');
    expect(snippet).toMatch(/ title="[^"]+"/);
    expect(iframeSrc(snippet)).toBe(embedUrl(shareLink));
  });

  it('keeps quotes and angle brackets in a link from breaking out of the src attribute', () => {
    // Browsers percent-encode these in a URL; a hand-made link must still not end the attribute or open a tag.
    const snippet = embedSnippet('https://example.edu/a"b<c>d/');
    const src = /<iframe src="([^"]*)"/.exec(snippet)?.[1] ?? '';
    expect(src).not.toMatch(/[<>"]/);
    expect(snippet.match(/<iframe /g)).toHaveLength(1);
  });

  it('takes another size, rounded to whole pixels', () => {
    expect(embedSnippet(shareLink, { width: 480.4, height: 320.6 })).toContain('width="480" height="321"');
  });
});
