// Where the tour's card goes beside its spotlight, on exact rectangles: below, above, beside, inside, always in the window.
import { describe, expect, it } from 'vitest';
import { placeCard } from '../../../src/ui/tour.ts';

const view = { width: 1280, height: 800 };
const card = { width: 340, height: 160 };

describe('tour card placement', () => {
  it('goes below a small target, centred on it', () => {
    expect(placeCard({ x: 500, y: 10, width: 100, height: 30 }, card, view)).toEqual({
      x: 380,
      y: 52,
      side: 'below',
    });
  });

  it('goes above a target at the bottom of the window', () => {
    expect(placeCard({ x: 500, y: 700, width: 100, height: 40 }, card, view)).toEqual({
      x: 380,
      y: 528,
      side: 'above',
    });
  });

  it('goes beside a tall panel, on the side with room', () => {
    expect(placeCard({ x: 0, y: 50, width: 300, height: 750 }, card, view)).toEqual({
      x: 312,
      y: 345,
      side: 'right',
    });
    expect(placeCard({ x: 930, y: 50, width: 350, height: 750 }, card, view)).toEqual({
      x: 578,
      y: 345,
      side: 'left',
    });
  });

  it('goes inside a target as big as the window, and never leaves the window', () => {
    const place = placeCard({ x: 0, y: 0, width: 1280, height: 800 }, card, view);
    expect(place.side).toBe('inside');
    expect(place.x).toBeGreaterThanOrEqual(8);
    expect(place.y + card.height).toBeLessThanOrEqual(800 - 8);
  });

  it('keeps a card for a target at the left edge inside the window', () => {
    expect(placeCard({ x: 0, y: 10, width: 40, height: 30 }, card, view).x).toBe(8);
  });
});
