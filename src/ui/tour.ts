// The guided tour: a spotlight on one part of the page at a time with a card saying what it is for, for a first visit or a class. Plain DOM over the page; reads no store and sends no command.
import { el, setText } from './dom.ts';

/** One stop of the tour: the element it lights up (the first match that is on the page and visible) and what it says. */
export interface TourStop {
  readonly target: string;
  readonly title: string;
  readonly text: string;
}

export const TOUR_STOPS: readonly TourStop[] = [
  {
    target: '#stage',
    title: 'The world',
    text: 'Each dot is a person, in their region (west to east by time zone) and, inside it, in their fandom. Joining a trend lights a dot up in the trend’s colour, with a line from whoever they caught it from: those lines are the cascades.',
  },
  {
    target: '[data-testid="play"]',
    title: 'Play, step, speed',
    text: 'Play runs the simulation (space does too); one tick is one simulated hour. Step moves one hour, Reset starts the same run again, New seed draws another run of the same settings.',
  },
  {
    target: '.readouts',
    title: 'Read-outs',
    text: 'The simulated clock, how many have joined each trend and how many people it has reached so far.',
  },
  {
    target: '#story-panel',
    title: 'About this scenario',
    text: 'What this preset shows, for a class, and experiments to try: one click changes the world and the charts compare it with the run before.',
  },
  {
    target: '#charts-panel',
    title: 'Charts',
    text: 'Adoption curves per trend, adoption per platform, platform membership and exposure diversity. After a change, the previous run stays on them as dashed lines.',
  },
  {
    target: '.timeline',
    title: 'Timeline',
    text: 'Drag back to any hour of the run to see the canvas as it was then; Play replays it at the run’s speed and carries on live. GIF saves those hours as an animation for a slide.',
  },
  {
    target: '#presets-panel',
    title: 'Presets',
    text: 'Other stories: a lockdown recipe, a fandom streaming push, a brand challenge, a filter bubble, an algorithm change, a platform ban, a new app taking off. You can also open a scenario file or an export.',
  },
  {
    target: '#params-panel',
    title: 'Parameters',
    text: 'Every parameter of the world, with its range and unit: platforms, regions, fandoms, trends, the recommender and scheduled events.',
  },
  {
    target: '[data-testid="share"]',
    title: 'Share and export',
    text: 'A link that reopens exactly this run, and the data as CSV or JSON, every adoption as a cascade edge, or a picture of the canvas. Press ? for every shortcut.',
  },
];

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Gap between the spotlight and the card, and the margin kept from the window's edges (px). */
const GAP = 12;
const MARGIN = 8;

/**
 * Where the card goes for a spotlight on `target`: below it if it fits, else above, else beside it on the wider side,
 * else inside the target's top (a target as big as the window); always kept inside the window.
 */
export function placeCard(
  target: Rect,
  card: { width: number; height: number },
  view: { width: number; height: number },
) {
  const clampX = (x: number) => Math.max(MARGIN, Math.min(x, view.width - card.width - MARGIN));
  const clampY = (y: number) => Math.max(MARGIN, Math.min(y, view.height - card.height - MARGIN));
  const centredX = clampX(target.x + target.width / 2 - card.width / 2);
  const below = target.y + target.height + GAP;
  if (below + card.height <= view.height - MARGIN) return { x: centredX, y: below, side: 'below' as const };
  const above = target.y - GAP - card.height;
  if (above >= MARGIN) return { x: centredX, y: above, side: 'above' as const };
  const right = target.x + target.width + GAP;
  const left = target.x - GAP - card.width;
  const centredY = clampY(target.y + target.height / 2 - card.height / 2);
  if (right + card.width <= view.width - MARGIN) return { x: right, y: centredY, side: 'right' as const };
  if (left >= MARGIN) return { x: left, y: centredY, side: 'left' as const };
  return { x: centredX, y: clampY(target.y + GAP), side: 'inside' as const };
}

export interface Tour {
  readonly root: HTMLElement;
  start(): void;
  readonly open: boolean;
  destroy(): void;
}

/** Builds the tour over `stops`; nothing shows until start(). Stops whose target is missing or hidden are skipped. */
export function createTour(stops: readonly TourStop[] = TOUR_STOPS): Tour {
  const spotlight = el('div', { class: 'tour-spotlight', 'aria-hidden': 'true' });
  const title = el('h2', { id: 'tour-title' });
  const text = el('p', { id: 'tour-text' });
  const count = el('span', { class: 'tour-count', 'data-testid': 'tour-count' });
  const back = el('button', { type: 'button', 'data-testid': 'tour-back' }, '‹ Back');
  const next = el('button', { type: 'button', class: 'primary', 'data-testid': 'tour-next' }, 'Next ›');
  const close = el(
    'button',
    { type: 'button', class: 'icon', 'aria-label': 'End the tour', 'data-testid': 'tour-close' },
    '×',
  );
  const card = el(
    'div',
    {
      class: 'tour-card',
      role: 'dialog',
      'aria-labelledby': 'tour-title',
      'aria-describedby': 'tour-text',
      'data-testid': 'tour',
    },
    el('div', { class: 'tour-head' }, title, close),
    text,
    el('div', { class: 'tour-foot' }, count, back, next),
  );
  const root = el('div', { class: 'tour', hidden: true }, spotlight, card);

  let shown: { stop: TourStop; element: HTMLElement }[] = [];
  let index = 0;
  let returnFocus: HTMLElement | null = null;

  const visible = (element: HTMLElement) =>
    element.getClientRects().length > 0 && !element.closest('[hidden]');
  const findStops = () =>
    stops.flatMap((stop) => {
      const element = [...document.querySelectorAll<HTMLElement>(stop.target)].find(visible);
      return element ? [{ stop, element }] : [];
    });

  const position = () => {
    const current = shown[index];
    if (!current || root.hidden) return;
    const r = current.element.getBoundingClientRect();
    const view = { width: window.innerWidth, height: window.innerHeight };
    // The spotlight is clipped to the window: a panel taller than the screen still shows its edges.
    const x = Math.max(0, r.left - 4);
    const y = Math.max(0, r.top - 4);
    const target = {
      x,
      y,
      width: Math.min(view.width, r.right + 4) - x,
      height: Math.min(view.height, r.bottom + 4) - y,
    };
    Object.assign(spotlight.style, {
      left: `${target.x}px`,
      top: `${target.y}px`,
      width: `${target.width}px`,
      height: `${target.height}px`,
    });
    const place = placeCard(target, { width: card.offsetWidth, height: card.offsetHeight }, view);
    card.style.left = `${place.x}px`;
    card.style.top = `${place.y}px`;
    card.dataset.side = place.side;
  };

  const show = (at: number) => {
    index = Math.max(0, Math.min(at, shown.length - 1));
    const current = shown[index];
    if (!current) return end();
    current.element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    setText(title, current.stop.title);
    setText(text, current.stop.text);
    setText(count, `${index + 1} / ${shown.length}`);
    back.disabled = index === 0;
    setText(next, index === shown.length - 1 ? 'Done' : 'Next ›');
    position();
    next.focus();
  };

  const end = () => {
    root.hidden = true;
    window.removeEventListener('resize', position);
    document.removeEventListener('scroll', position, true);
    window.removeEventListener('keydown', onKey, true);
    returnFocus?.focus();
  };

  // While the tour is open its keys come first: the page's shortcuts (→ steps the run, Esc clears the selection) wait.
  const onKey = (event: KeyboardEvent) => {
    const moves: Record<string, () => void> = {
      Escape: end,
      ArrowRight: () => (index === shown.length - 1 ? end() : show(index + 1)),
      ArrowLeft: () => show(index - 1),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    move();
  };

  back.addEventListener('click', () => show(index - 1));
  next.addEventListener('click', () => (index === shown.length - 1 ? end() : show(index + 1)));
  close.addEventListener('click', end);

  return {
    root,
    get open() {
      return !root.hidden;
    },
    start() {
      shown = findStops();
      if (shown.length === 0) return;
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      root.hidden = false;
      window.addEventListener('resize', position);
      document.addEventListener('scroll', position, true);
      window.addEventListener('keydown', onKey, true);
      show(0);
    },
    destroy: end,
  };
}
