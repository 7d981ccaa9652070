// Tests for the redraw pacer: the minimum gap, the duty-cycle stretch from measured costs, urgent redraws and the cap.
import { describe, expect, it } from 'vitest';
import { createRedrawPacer, type PacingBudget } from '../../../src/render/redraw-pacer.ts';

/** Round numbers: 30 ms minimum gap, redraws take at most half the time, newest cost weighs 0.5, gap at most 200 ms. */
const BUDGET: PacingBudget = { minGapMs: 30, maxDuty: 0.5, smoothing: 0.5, maxGapMs: 200 };

describe('redraw pacer', () => {
  it('allows the first redraw at once and then keeps the minimum gap while redraws are cheap', () => {
    const pacer = createRedrawPacer(BUDGET);
    expect(pacer.mayRedraw(0, false)).toBe(true);
    pacer.started(0);
    pacer.finished(0, 5);
    expect(pacer.gapMs()).toBe(30);
    expect(pacer.mayRedraw(29, false)).toBe(false);
    expect(pacer.mayRedraw(30, false)).toBe(true);
  });

  it('stretches the gap to twice the smoothed cost when redraws are slow', () => {
    const pacer = createRedrawPacer(BUDGET);
    pacer.started(0);
    pacer.finished(0, 40);
    // The first measurement is taken as is: 40 ms → gap 80 ms.
    expect(pacer.gapMs()).toBe(80);
    pacer.started(80);
    pacer.finished(80, 100);
    // 40 + 0.5 × (20 − 40) = 30 ms → gap 60 ms.
    expect(pacer.gapMs()).toBe(60);
    expect(pacer.mayRedraw(139, false)).toBe(false);
    expect(pacer.mayRedraw(140, false)).toBe(true);
  });

  it('lets camera moves redraw at once whatever the gap', () => {
    const pacer = createRedrawPacer(BUDGET);
    pacer.started(0);
    pacer.finished(0, 60);
    expect(pacer.mayRedraw(1, false)).toBe(false);
    expect(pacer.mayRedraw(1, true)).toBe(true);
  });

  it('never asks for more than the longest gap after one very slow redraw', () => {
    const pacer = createRedrawPacer(BUDGET);
    pacer.started(0);
    pacer.finished(0, 500);
    expect(pacer.gapMs()).toBe(200);
  });
});
