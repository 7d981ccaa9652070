// Tests for where a fitted world goes: exact small cases worked by hand, and the band invariant over random canvases.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../sim/rng.ts';
import {
  FIT_MARGIN,
  MIN_FIT_SHARE,
  planFit,
  usableInsets,
  zoomBetween,
} from '../../../src/render/fit-plan.ts';

/** A 100 × 50 layout: wider than tall, like the world's two rows of regions. */
const LAYOUT = { width: 100, height: 50 } as const;

describe('fitting the world between the overlays', () => {
  it('fills a bare canvas, limited by the tighter side, centred', () => {
    const plan = planFit(1000, 500, LAYOUT.width, LAYOUT.height, { top: 0, bottom: 0 })!;
    // 500 / (50 × 1.04) = 9.615… is below 1000 / (100 × 1.02) = 9.803…
    expect(plan.zoom).toBeCloseTo(500 / (50 * FIT_MARGIN.y), 12);
    expect(plan.centreX).toBe(50);
    expect(plan.centreY).toBe(25);
  });

  it('shrinks a height-limited world into the band below the read-outs and moves it down to clear them', () => {
    const plan = planFit(1000, 500, LAYOUT.width, LAYOUT.height, { top: 100, bottom: 0 })!;
    const zoom = 400 / (50 * FIT_MARGIN.y);
    expect(plan.zoom).toBeCloseTo(zoom, 12);
    // Centred, the framed world (400 px) would start at 50 px; it starts at 100 instead: 50 px lower on screen.
    expect(plan.centreY).toBeCloseTo(25 - 50 / zoom, 12);
  });

  it('leaves a width-limited world its full size and its centred place when the band is tall enough', () => {
    const plan = planFit(400, 800, LAYOUT.width, LAYOUT.height, { top: 100, bottom: 100 })!;
    expect(plan.zoom).toBeCloseTo(400 / (100 * FIT_MARGIN.x), 12);
    expect(plan.centreY).toBe(25);
  });

  it('moves a world up off the legend when centring would put its bottom under it', () => {
    // 400 × 800 canvas; the legend covers its bottom 400 px. The framed world is as wide as the canvas (its zoom is
    // the whole canvas's) and, centred, would reach below 400 px: its frame ends at 400 px instead.
    const plan = planFit(400, 800, LAYOUT.width, LAYOUT.height, { top: 50, bottom: 400 })!;
    expect(plan.zoom).toBeCloseTo(400 / (100 * FIT_MARGIN.x), 12);
    const framed = 50 * FIT_MARGIN.y * plan.zoom;
    const centredTop = (800 - framed) / 2;
    expect(plan.centreY).toBeCloseTo(25 - (400 - framed - centredTop) / plan.zoom, 9);
    const worldBottom = 800 / 2 + (50 - plan.centreY) * plan.zoom;
    expect(worldBottom).toBeLessThan(400);
  });

  it('gives up the bottom inset, then the top one, rather than shrink the world below half its size', () => {
    // Band 200 px: zoom 3.85, under half of 9.615; without the bottom inset the band is 400 px (zoom 7.69).
    expect(usableInsets(1000, 500, LAYOUT.width, LAYOUT.height, { top: 100, bottom: 200 })).toEqual({
      top: 100,
      bottom: 0,
    });
    expect(usableInsets(1000, 500, LAYOUT.width, LAYOUT.height, { top: 300, bottom: 0 })).toEqual({
      top: 0,
      bottom: 0,
    });
    expect(usableInsets(1000, 500, LAYOUT.width, LAYOUT.height, { top: 100, bottom: 100 })).toEqual({
      top: 100,
      bottom: 100,
    });
  });

  it('has no plan for a canvas not laid out yet', () => {
    expect(planFit(0, 500, LAYOUT.width, LAYOUT.height, { top: 0, bottom: 0 })).toBeNull();
    expect(planFit(500, 0, LAYOUT.width, LAYOUT.height, { top: 0, bottom: 0 })).toBeNull();
  });

  it('always puts the whole world inside the canvas and between the insets it keeps, at no less than half its size', () => {
    const rng = createRng('fit-plan', 'test');
    for (let i = 0; i < 2000; i++) {
      const hostWidth = 200 + rng.next() * 1800;
      const hostHeight = 200 + rng.next() * 1000;
      const width = 20 + rng.next() * 200;
      const height = 20 + rng.next() * 200;
      const insets = { top: rng.next() * hostHeight * 0.7, bottom: rng.next() * hostHeight * 0.5 };
      const plan = planFit(hostWidth, hostHeight, width, height, insets)!;
      const band = usableInsets(hostWidth, hostHeight, width, height, insets);
      const top = hostHeight / 2 - plan.centreY * plan.zoom;
      const bottom = hostHeight / 2 + (height - plan.centreY) * plan.zoom;
      const left = hostWidth / 2 - plan.centreX * plan.zoom;
      expect(top).toBeGreaterThanOrEqual(band.top - 1e-6);
      expect(bottom).toBeLessThanOrEqual(hostHeight - band.bottom + 1e-6);
      expect(left).toBeGreaterThanOrEqual(-1e-6);
      expect(left + width * plan.zoom).toBeLessThanOrEqual(hostWidth + 1e-6);
      const whole = zoomBetween(hostWidth, hostHeight, width, height, { top: 0, bottom: 0 });
      expect(plan.zoom).toBeGreaterThanOrEqual(MIN_FIT_SHARE * whole - 1e-9);
    }
  });
});

describe('keeping the world clear of the zoom buttons in the bottom-right corner', () => {
  /** The fitted world's box on the canvas (CSS pixels, margins excluded). */
  const worldBox = (
    hostWidth: number,
    hostHeight: number,
    plan: { zoom: number; centreX: number; centreY: number },
  ) => ({
    left: hostWidth / 2 - plan.centreX * plan.zoom,
    right: hostWidth / 2 + (LAYOUT.width - plan.centreX) * plan.zoom,
    top: hostHeight / 2 - plan.centreY * plan.zoom,
    bottom: hostHeight / 2 + (LAYOUT.height - plan.centreY) * plan.zoom,
  });

  it('leaves a world that ends above the buttons where it was', () => {
    const corner = { width: 50, height: 150 };
    const plain = planFit(400, 800, LAYOUT.width, LAYOUT.height, { top: 100, bottom: 0 })!;
    expect(planFit(400, 800, LAYOUT.width, LAYOUT.height, { top: 100, bottom: 0, corner })).toEqual(plain);
  });

  it('moves a world as wide as a short canvas left of the buttons when going above them would shrink it more', () => {
    // Above: a 300 − 50 − 120 = 130 px band, zoom 130 / 52 = 2.5; left: 350 px wide, zoom 350 / 102 ≈ 3.43.
    const plan = planFit(400, 300, LAYOUT.width, LAYOUT.height, {
      top: 50,
      bottom: 0,
      corner: { width: 50, height: 120 },
    })!;
    expect(plan.zoom).toBeCloseTo(350 / (LAYOUT.width * FIT_MARGIN.x), 9);
    const box = worldBox(400, 300, plan);
    expect(box.right).toBeLessThanOrEqual(350);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(50);
  });

  it('moves a world up above the buttons when that keeps it larger than going left', () => {
    // Centred below the 500 px read-outs it would end at 704 px, under the 100 px block; above it: a 200 px band, zoom
    // 200 / 52 ≈ 3.85; left of it: 350 / 102 ≈ 3.43.
    const plan = planFit(400, 800, LAYOUT.width, LAYOUT.height, {
      top: 500,
      bottom: 0,
      corner: { width: 50, height: 100 },
    })!;
    expect(plan.zoom).toBeCloseTo(200 / (LAYOUT.height * FIT_MARGIN.y), 9);
    const box = worldBox(400, 800, plan);
    expect(box.bottom).toBeLessThanOrEqual(700);
    expect(box.top).toBeGreaterThanOrEqual(500);
  });

  it('lets the buttons cover a corner of the world rather than shrink it below half its size', () => {
    // Whole canvas: zoom 200 / 102 ≈ 1.96; above the 150 px block 50 / 52 ≈ 0.96, left of it 50 / 102 ≈ 0.49.
    const insets = { top: 0, bottom: 0 };
    const plain = planFit(200, 200, LAYOUT.width, LAYOUT.height, insets)!;
    expect(
      planFit(200, 200, LAYOUT.width, LAYOUT.height, { ...insets, corner: { width: 150, height: 150 } }),
    ).toEqual(plain);
  });

  it('always keeps the world inside the canvas, clear of the block or as it would be without it, at least half its size', () => {
    const rng = createRng('fit-plan-corner', 'test');
    let cleared = 0;
    for (let i = 0; i < 2000; i++) {
      const hostWidth = 200 + rng.next() * 1000;
      const hostHeight = 200 + rng.next() * 1000;
      const insets = { top: rng.next() * hostHeight * 0.4, bottom: rng.next() * hostHeight * 0.2 };
      const corner = { width: 20 + rng.next() * 60, height: 60 + rng.next() * 150 };
      const plan = planFit(hostWidth, hostHeight, LAYOUT.width, LAYOUT.height, { ...insets, corner })!;
      const box = worldBox(hostWidth, hostHeight, plan);
      expect(box.left).toBeGreaterThanOrEqual(-1e-6);
      expect(box.right).toBeLessThanOrEqual(hostWidth + 1e-6);
      expect(box.top).toBeGreaterThanOrEqual(-1e-6);
      expect(box.bottom).toBeLessThanOrEqual(hostHeight + 1e-6);
      const whole = zoomBetween(hostWidth, hostHeight, LAYOUT.width, LAYOUT.height, { top: 0, bottom: 0 });
      expect(plan.zoom).toBeGreaterThanOrEqual(MIN_FIT_SHARE * whole - 1e-9);
      const clear =
        box.right <= hostWidth - corner.width + 1e-6 || box.bottom <= hostHeight - corner.height + 1e-6;
      if (clear) cleared++;
      else expect(plan).toEqual(planFit(hostWidth, hostHeight, LAYOUT.width, LAYOUT.height, insets));
    }
    expect(cleared).toBeGreaterThan(1000); // the draws cover both outcomes, mostly cleared
  });
});
