// Colours for nodes, ties and UI themes: pure functions on numbers and strings. Must not touch Pixi or the DOM.

/** Okabe–Ito, the colour-blind-safe categorical set, with black replaced by a light grey for dark backgrounds. */
export const CATEGORICAL = [
  0xe69f00, // orange
  0x56b4e9, // sky blue
  0x009e73, // bluish green
  0xf0e442, // yellow
  0x0072b2, // blue
  0xd55e00, // vermillion
  0xcc79a7, // reddish purple
  0xb8b8b8, // grey
] as const;

/** Colour of "no fandom" / "no platform": neutral, so the clusters with an identity stand out. */
export const NEUTRAL = 0x8a8f98;

export const THEME_NAMES = ['dark', 'light', 'projector'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

export interface Theme {
  readonly background: number;
  /** How far non-adopters are mixed toward the background (0 = full colour, 1 = invisible). */
  readonly dim: number;
  readonly tie: number;
  readonly tieAlpha: number;
  readonly label: number;
  readonly box: number;
  /** Node size multiplier (the projector shows bigger dots). */
  readonly nodeScale: number;
  /** How far category colours are darkened toward black so pale ones (yellow) still read on a light ground. */
  readonly shade: number;
}

export const THEMES: Readonly<Record<ThemeName, Theme>> = {
  dark: {
    background: 0x0d1117,
    dim: 0.55,
    tie: 0x8aa0c8,
    tieAlpha: 0.18,
    label: 0xc9d1d9,
    box: 0x30363d,
    nodeScale: 1,
    shade: 0,
  },
  light: {
    background: 0xf7f7f4,
    dim: 0.6,
    tie: 0x41506b,
    tieAlpha: 0.16,
    label: 0x24292f,
    box: 0xd0d7de,
    nodeScale: 1,
    shade: 0.3,
  },
  projector: {
    background: 0x000000,
    dim: 0.45,
    tie: 0xd0d8ff,
    tieAlpha: 0.25,
    label: 0xffffff,
    box: 0x555555,
    nodeScale: 1.4,
    shade: 0,
  },
};

export const COLOR_MODES = ['fandom', 'region', 'platform'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

/** The i-th categorical colour, cycling. */
export function categorical(index: number): number {
  return CATEGORICAL[((index % CATEGORICAL.length) + CATEGORICAL.length) % CATEGORICAL.length]!;
}

/** Fandom 0 (none) is neutral; fandom f ≥ 1 takes categorical colour f − 1. */
export function fandomColor(fandom: number): number {
  return fandom === 0 ? NEUTRAL : categorical(fandom - 1);
}

/** Platform colour by the lowest set bit of a membership mask; neutral for no platform. */
export function platformMaskColor(mask: number): number {
  if (mask === 0) return NEUTRAL;
  let p = 0;
  while (((mask >> p) & 1) === 0) p++;
  return categorical(p);
}

/** Parses '#rrggbb' or '#rgb' to 0xrrggbb; NEUTRAL for anything else (trend colours come from data). */
export function parseHex(color: string): number {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return NEUTRAL;
  const hex = m[1]!;
  if (hex.length === 3)
    return Number.parseInt(
      hex.replace(/./g, (c) => c + c),
      16,
    );
  return Number.parseInt(hex, 16);
}

/** 0xrrggbb → '#rrggbb'. */
export function toHex(rgb: number): string {
  return `#${(rgb & 0xffffff).toString(16).padStart(6, '0')}`;
}

/** Linear mix of two 0xrrggbb colours; t = 0 gives `a`, 1 gives `b`. */
export function mix(a: number, b: number, t: number): number {
  const ch = (shift: number) => Math.round(((a >> shift) & 255) * (1 - t) + ((b >> shift) & 255) * t);
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

/** Pixi particles store colour as ABGR in one uint32: alpha in the top byte, then blue, green, red. */
export function toParticleColor(rgb: number, alpha = 1): number {
  const r = (rgb >> 16) & 255;
  const g = (rgb >> 8) & 255;
  const b = rgb & 255;
  return (((Math.round(alpha * 255) & 255) << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

/** WCAG relative luminance of 0xrrggbb, for contrast checks. */
export function luminance(rgb: number): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((rgb >> 16) & 255) + 0.7152 * lin((rgb >> 8) & 255) + 0.0722 * lin(rgb & 255);
}

/** WCAG contrast ratio (1 … 21). */
export function contrast(a: number, b: number): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** A category or trend colour as drawn on `theme` (darkened on light grounds). */
export function onTheme(rgb: number, theme: Theme): number {
  return theme.shade > 0 ? mix(rgb, 0x000000, theme.shade) : rgb;
}

/** Static per-agent inputs the base colour depends on (arrays of length agentCount). */
export interface NodeColorInput {
  readonly region: Uint8Array;
  readonly fandom: Uint8Array;
  readonly platforms: Uint8Array;
}

/** The resting (not adopted) colour of an agent in a mode, already dimmed toward the theme background. */
export function baseColor(mode: ColorMode, input: NodeColorInput, agent: number, theme: Theme): number {
  const raw =
    mode === 'fandom'
      ? fandomColor(input.fandom[agent] ?? 0)
      : mode === 'region'
        ? categorical(input.region[agent] ?? 0)
        : platformMaskColor(input.platforms[agent] ?? 0);
  return mix(onTheme(raw, theme), theme.background, theme.dim);
}

/**
 * Fills `out` (ABGR per agent) with each agent's colour: its adopted trend's colour (`lastAdopted` = trend + 1) at
 * full strength, else its dimmed base colour. When `previous` is given, only agents whose `lastAdopted` differs are
 * rewritten and their indices are returned, so a frame with 30 adoptions touches 30 entries, not 100,000.
 */
export function updateTints(
  out: Uint32Array,
  lastAdopted: Uint8Array,
  previous: Uint8Array | null,
  baseColors: Uint32Array,
  trendColors: readonly number[],
): number[] {
  const changed: number[] = [];
  const n = out.length;
  for (let a = 0; a < n; a++) {
    const t = lastAdopted[a]!;
    if (previous !== null && previous[a] === t) continue;
    out[a] = t === 0 ? baseColors[a]! : toParticleColor(trendColors[t - 1] ?? NEUTRAL);
    changed.push(a);
  }
  return changed;
}

/** A data colour made safe for CSS: anything that is not '#rgb' / '#rrggbb' becomes neutral grey. */
export function safeCss(color: string): string {
  return toHex(parseHex(color));
}
