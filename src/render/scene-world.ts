// One world's drawing state: dot particles behind the node cache, colours, glows, cascade trail, hit grid, and how frames update them. Reads frames; never changes the model or the store.
import type { Container, Renderer, Texture } from 'pixi.js';
import type { FrameMessage, ReadyMessage } from '../../sim/protocol.ts';
import { type CascadeTrail, clearTrail, createTrail, pushTransmissions } from './cascade-trail.ts';
import { bloomOnlyBirth } from './glow-motion.ts';
import { buildHitGrid, type HitGrid } from './hit-test.ts';
import {
  type AgentDot,
  fadeGlows,
  GLOW,
  type GlowPool,
  igniteGlow,
  makeGlowPool,
  makeNodeParticles,
} from './layers.ts';
import { drawCascades } from './lines.ts';
import { createNodeCache, type NodeCache, type NodeDecor } from './node-cache.ts';
import { baseColor, type ColorMode, onTheme, type Theme, toParticleColor, updateTints } from './palette.ts';
import { SCENE_BUDGET } from './scene-api.ts';

/** What a world's colours depend on besides its data. */
export interface Palette {
  readonly theme: Theme;
  readonly colorMode: ColorMode;
  /** Trend colours (0xrrggbb) by trend index, before theming. */
  readonly trendColors: readonly number[];
}

export interface WorldView {
  readonly data: ReadyMessage;
  readonly nodes: NodeCache;
  readonly glows: GlowPool;
  readonly grid: HitGrid;
  /** Node diameter in layout units at theme scale 1. */
  readonly baseDiameter: number;
  /** The newest simulated tick drawn. */
  readonly tick: number;
  /** Recolours every dot (colour mode, theme or trend colours changed) and rebuilds the cached texture. */
  recolour(palette: Palette): void;
  /** Node size for a theme's scale: every particle is rescaled and the texture rebuilt. */
  rescale(nodeScale: number): void;
  /** Takes in a frame: recolours adopters, adds their cascade lines and glows. True when cascade lines changed. */
  applyFrame(frame: FrameMessage, palette: Palette, now: number): boolean;
  /** Redraws the live cascade lines into `layer`. */
  drawCascades(layer: Container, palette: Palette): void;
  /** Fades glows; true while any is still visible. */
  fadeGlows(now: number, nodeScale: number): boolean;
  /** One animation frame of the node cache's work (see node-cache.ts); true when the screen changed. */
  prepare(renderer: Renderer): boolean;
  destroy(): void;
}

const themedTrendColors = (palette: Palette) => palette.trendColors.map((c) => onTheme(c, palette.theme));

/**
 * Node size in layout units: 0.8 of the spacing, but never under SCENE_BUDGET.minNodePx screen pixels when the
 * layout is fitted into `screenWidth × screenHeight`, so 100k agents read as filled clusters instead of vanishing
 * sub-pixel dots.
 */
export function nodeDiameterFor(data: ReadyMessage, screenWidth: number, screenHeight: number): number {
  const fitScale = Math.min(screenWidth / data.layout.width, screenHeight / data.layout.height) || 1;
  return Math.max(data.layout.nodeSpacing * 0.8, SCENE_BUDGET.minNodePx / fitScale);
}

/** Builds the drawing state of `data`; dots are sized for `screenWidth × screenHeight` (CSS pixels) and `nodeScale`. */
export function createWorldView(
  data: ReadyMessage,
  textures: { dot: Texture; glow: Texture },
  decor: NodeDecor,
  screen: { width: number; height: number },
  nodeScale: number,
): WorldView {
  const baseDiameter = nodeDiameterFor(data, screen.width, screen.height);
  const particles: AgentDot[] = makeNodeParticles(textures.dot, data.x, data.y, baseDiameter * nodeScale);
  const nodes = createNodeCache(particles, textures.dot, data.layout.width, data.layout.height, decor);
  const glows = makeGlowPool(textures.glow);
  const spacing = data.layout.nodeSpacing;
  const grid = buildHitGrid(data.x, data.y, data.layout.width, data.layout.height, Math.max(spacing * 2, 4));
  const baseColors = new Uint32Array(data.agentCount);
  const tints = new Uint32Array(data.agentCount);
  const trail: CascadeTrail = createTrail();
  let previous: Uint8Array | null = null;
  let tick = 0;

  return {
    data,
    nodes,
    glows,
    grid,
    baseDiameter,
    get tick() {
      return tick;
    },
    recolour(palette) {
      // An agent's base colour depends only on its category in the mode (a byte): computed once per category, not
      // once per agent (a million agents took a third of a second).
      const category =
        palette.colorMode === 'fandom'
          ? data.fandom
          : palette.colorMode === 'region'
            ? data.region
            : data.platforms;
      const byCategory = new Map<number, number>();
      for (let a = 0; a < data.agentCount; a++) {
        const key = category[a] ?? 0;
        let colour = byCategory.get(key);
        if (colour === undefined) {
          colour = toParticleColor(baseColor(palette.colorMode, data, a, palette.theme));
          byCategory.set(key, colour);
        }
        baseColors[a] = colour;
      }
      updateTints(
        tints,
        previous ?? new Uint8Array(data.agentCount),
        null,
        baseColors,
        themedTrendColors(palette),
      );
      for (let a = 0; a < data.agentCount; a++) particles[a]!.color = tints[a]!;
      nodes.invalidateAll();
    },
    rescale(scale) {
      const s = (baseDiameter * scale) / 32;
      for (const p of particles) p.scale = s;
      nodes.invalidateScale();
    },
    applyFrame(frame, palette, now) {
      if (frame.lastAdopted.length !== data.agentCount) return false;
      const colours = themedTrendColors(palette);
      const changed = updateTints(tints, frame.lastAdopted, previous, baseColors, colours);
      for (const a of changed) particles[a]!.color = tints[a]!;
      nodes.markChanged(changed);
      // A replay frame (or the first live one after it) carries the whole trail up to its tick: it replaces the lines.
      if (frame.fullTrail || frame.tick < tick) clearTrail(trail);
      previous = frame.lastAdopted;
      tick = frame.tick;
      const added = pushTransmissions(
        trail,
        frame.transmissionCount,
        frame.parent,
        frame.child,
        frame.trend,
        frame.transmissionTick,
      );
      // A glow for each new adoption (of a full-trail frame, only those of its own tick: the older ones get lines), newest
      // last so a burst keeps its freshest GLOW.size glows: a pulse runs along the tie from whoever passed the trend on,
      // then blooms at the adopter (a seed only blooms).
      let first = frame.transmissionCount;
      const isNew = (i: number) => !frame.fullTrail || frame.transmissionTick[i] === frame.tick;
      while (first > 0 && frame.transmissionCount - first < GLOW.size && isNew(first - 1)) first--;
      for (let i = first; i < frame.transmissionCount; i++) {
        const c = frame.child[i]!;
        const p = frame.parent[i]!;
        const colour = colours[frame.trend[i]!] ?? 0xffffff;
        if (p >= 0 && p < data.agentCount)
          igniteGlow(glows, data.x[p]!, data.y[p]!, data.x[c]!, data.y[c]!, colour, now);
        else igniteGlow(glows, data.x[c]!, data.y[c]!, data.x[c]!, data.y[c]!, colour, bloomOnlyBirth(now));
      }
      return added > 0 || changed.length > 0;
    },
    drawCascades(layer, palette) {
      drawCascades(layer, trail, tick, data.x, data.y, themedTrendColors(palette), palette.theme);
    },
    fadeGlows: (now, scale) => fadeGlows(glows, now, (baseDiameter * scale * GLOW.scale) / 64) > 0,
    prepare: (renderer) => nodes.prepare(renderer),
    destroy() {
      nodes.destroy();
      glows.container.destroy({ children: true });
    },
  };
}
