// The agent inspector: profile, platforms, what it saw, why it adopted (factors), its cascade (chain, children, tree), and "launch a trend here". Reads the store; dispatches selection and launches.
import type { AdoptionFactors } from '../../sim/model/adoption.ts';
import type { AgentCascade, AgentInspection } from '../../sim/model/api.ts';
import { TREND_KIND_DEFAULTS } from '../../sim/model/trends.ts';
import { TREND_KINDS } from '../../sim/params/trends.ts';
import type { AppState, AppStore } from '../state/store.ts';
import { el, replaceChildren, setText } from './dom.ts';
import { formatNumber, formatPercent } from './format.ts';

export interface Inspector {
  readonly root: HTMLElement;
  update(state: AppState): void;
}

function row(label: string, value: string | Node): HTMLElement {
  return el('div', { class: 'kv' }, el('span', { class: 'k' }, label), el('span', { class: 'v' }, value));
}

function agentLink(store: AppStore, agent: number): HTMLElement {
  if (agent < 0) return el('span', {}, 'a seed post (no parent)');
  const b = el('button', { type: 'button', class: 'link' }, `agent #${agent}`);
  b.addEventListener('click', () => store.getState().selectAgent(agent));
  return b;
}

/** The adoption factors (sim/model/adoption.ts AdoptionFactors) in words a class reads, and what each one is. */
const FACTOR_TEXT: Readonly<Record<keyof AdoptionFactors, readonly [label: string, meaning: string]>> = {
  appeal: ['appeal', 'How catchy the trend is'],
  interestMatch: ['interest match', 'How well the trend’s topics match this person’s interests'],
  language: ['language', '1 if they speak the trend’s language, less for a language-bound trend if not'],
  platformFit: ['platform fit', 'How well this platform carries this kind of trend'],
  reinforcement: [
    'reinforcement',
    'Seen from enough different accounts (their threshold), or damped by the effort',
  ],
  novelty: ['novelty', 'Halves with every novelty half-life since the trend started'],
  creator: ['creator', 'How often this person posts, against the average'],
  participation: ['participation', 'The kind’s base rate of joining in, times the adoption rate knob'],
};

/** Factor bars: each factor of the adoption probability as a bar on a log-ish scale (1 = neutral). */
function factorList(factors: Readonly<Record<string, number>>): HTMLElement {
  const list = el('ul', { class: 'factors' });
  for (const [key, value] of Object.entries(factors)) {
    const [name, meaning] = FACTOR_TEXT[key as keyof AdoptionFactors] ?? [key, ''];
    // Width: factors are multipliers, so show log2 around a mid-point (×1 at 50 %), clamped to 4 % … 100 %.
    const width = Math.max(4, Math.min(100, 50 + 12.5 * Math.log2(Math.max(value, 1e-6))));
    list.append(
      el(
        'li',
        meaning ? { title: meaning } : {},
        el('span', { class: 'factor-name' }, name),
        el('span', { class: 'factor-bar' }, el('span', { style: `width:${width.toFixed(0)}%` })),
        el('span', { class: 'factor-value' }, `×${formatNumber(value, 2)}`),
      ),
    );
  }
  return list;
}

/**
 * "Its cascade": the chain from the seed down to this agent, whom it passed the trend on to, and the shape of the
 * whole tree. Agents are links that select them, so a user can walk the tree up and down.
 */
function cascadeView(store: AppStore, cascade: AgentCascade): HTMLElement {
  const box = el('div', { class: 'cascade', 'data-testid': 'agent-cascade' });
  if (cascade.root < 0) {
    box.append(el('p', { class: 'muted' }, 'Its chain reaches no seed.'));
    return box;
  }
  if (cascade.generation === 0) box.append(el('p', {}, 'It seeded this cascade.'));
  else {
    // Ancestors come nearest first; the chain reads from the seed down. Those beyond the listed ones are elided.
    const listed = [...cascade.ancestors].reverse().filter((a) => a !== cascade.root);
    const hidden = cascade.generation - 1 - listed.length;
    box.append(
      el(
        'p',
        {},
        `Generation ${cascade.generation}: `,
        agentLink(store, cascade.root),
        hidden > 0 ? ` → … ${hidden} more → ` : ' → ',
        ...listed.flatMap((a) => [agentLink(store, a), ' → ']),
        'this agent.',
      ),
    );
  }
  if (cascade.childCount === 0) box.append(el('p', {}, 'Nobody has joined from its posts yet.'));
  else {
    const more = cascade.childCount - cascade.children.length;
    box.append(
      el(
        'p',
        {},
        `${cascade.childCount} joined from its posts: `,
        ...cascade.children.flatMap((a, i) => [i > 0 ? ' ' : '', agentLink(store, a)]),
        more > 0 ? ` and ${more} more` : '',
        `; ${cascade.descendants} in all below it.`,
      ),
    );
  }
  const tree = cascade.tree;
  if (tree)
    box.append(
      el(
        'p',
        { class: 'muted' },
        `The whole cascade: ${formatNumber(tree.size, 0)} adopters, ${tree.depth} generations deep, widest generation ${formatNumber(tree.maxBreadth, 0)}, structural virality ${formatNumber(tree.structuralVirality, 2)}.`,
      ),
    );
  return box;
}

function render(store: AppStore, state: AppState, info: AgentInspection): Node[] {
  const platformNames = state.world?.platformNames ?? [];
  const seen = el('ul', { class: 'seen' });
  // Newest first, as the engine lists them; the tick is when the post was made, not when it was seen.
  for (const s of info.recentlySeen) {
    seen.append(
      el('li', {}, `${s.trend} · ${s.platform} · ${s.source} · by #${s.author}, posted at tick ${s.tick}`),
    );
  }
  if (info.recentlySeen.length === 0) seen.append(el('li', { class: 'muted' }, 'Nothing viewed recently.'));

  const adoptions = el('div', { class: 'adoptions' });
  for (const a of info.adoptions) {
    adoptions.append(
      el(
        'div',
        { class: 'adoption' },
        el('h4', {}, `${a.trend} — tick ${a.tick} on ${a.platform}`),
        el(
          'p',
          {},
          'From ',
          agentLink(store, a.parent),
          ` after ${a.distinctExposures} distinct exposure${a.distinctExposures === 1 ? '' : 's'}; chance ${formatPercent(a.probability)}.`,
        ),
        factorList(a.factors),
        el('h5', {}, 'Its cascade'),
        cascadeView(store, a.cascade),
      ),
    );
  }
  if (info.adoptions.length === 0)
    adoptions.append(el('p', { class: 'muted' }, 'Has not joined a trend yet.'));

  const interests = el('ul', { class: 'interests' });
  for (const i of [...info.interests].sort((a, b) => b.weight - a.weight).slice(0, 5)) {
    interests.append(
      el(
        'li',
        {},
        el('span', { class: 'factor-name' }, i.topic),
        el('span', { class: 'factor-bar' }, el('span', { style: `width:${(i.weight * 100).toFixed(0)}%` })),
        el('span', { class: 'factor-value' }, formatPercent(i.weight, 0)),
      ),
    );
  }

  const followers = info.platforms.map((name) => {
    const p = platformNames.indexOf(name);
    const count = p >= 0 ? info.followers[p] : undefined;
    return count === undefined
      ? name
      : `${name} (${count.toLocaleString('en-US')} ${count === 1 ? 'follower' : 'followers'})`;
  });

  return [
    el('h3', { class: 'agent-name' }, info.name, el('span', { class: 'muted' }, ` #${info.id}`)),
    row('Region', info.region),
    row('Languages', info.languages.join(', ')),
    row('Fandom', info.fandom ?? 'none'),
    row('Tier', info.tier),
    row('Activity', `${formatNumber(info.activity, 1)} sessions/day`),
    row('Threshold', formatNumber(info.threshold, 2)),
    el('h4', {}, 'Platforms'),
    el('p', {}, followers.length > 0 ? followers.join(' · ') : 'none'),
    el('h4', {}, 'Interests'),
    interests,
    el('h4', {}, 'What it saw'),
    seen,
    el('h4', {}, 'Why it adopted'),
    adoptions,
  ];
}

/**
 * The lines the canvas highlights for an inspected agent (flat parent, child pairs): for each trend it adopted, the
 * listed chain from it up toward the seed, and its listed children. A chain longer than the listed ancestors stops
 * where the list does (the elided middle is not known here).
 */
export function cascadeLinks(info: AgentInspection | null): number[] {
  const links: number[] = [];
  if (!info) return links;
  for (const { cascade } of info.adoptions) {
    let child = info.id;
    for (const ancestor of cascade.ancestors) {
      links.push(ancestor, child);
      child = ancestor;
    }
    for (const c of cascade.children) links.push(info.id, c);
  }
  return links;
}

/**
 * "Launch a trend here": kind, platform and the button. Built once and kept across refreshes, so a choice being made
 * in its selects survives the inspection arriving again with every summary. `agent` is read at the click.
 */
function createLaunchRow(store: AppStore, agent: () => number | null) {
  const kind = el('select', { 'aria-label': 'Trend kind' });
  for (const k of TREND_KINDS) kind.append(el('option', { value: k }, TREND_KIND_DEFAULTS[k].label));
  const platform = el('select', { 'aria-label': 'Platform' });
  const launch = el(
    'button',
    { type: 'button', class: 'primary', 'data-testid': 'launch-trend' },
    'Launch a trend here',
  );
  launch.addEventListener('click', () => {
    const id = agent();
    if (id !== null) store.getState().launchTrend(id, kind.value, Number(platform.value));
  });
  let names: readonly string[] = [];
  return {
    root: el('div', { class: 'launch', hidden: true }, kind, platform, launch),
    /** Lists the world's platforms (kept selected when the list is the same). */
    setPlatforms(next: readonly string[]) {
      if (next === names) return;
      names = next;
      replaceChildren(platform, ...next.map((name, p) => el('option', { value: String(p) }, name)));
    },
  };
}

/** What an inspection shows, apart from when it was taken: a refresh that changes nothing leaves the panel alone. */
function contentOf(inspection: AgentInspection): string {
  return JSON.stringify({ ...inspection, tick: 0 });
}

export function createInspector(store: AppStore): Inspector {
  const body = el('div', { class: 'inspector-body', 'aria-live': 'polite' });
  const close = el(
    'button',
    { type: 'button', class: 'icon', 'aria-label': 'Close inspector', title: 'Clear selection (Esc)' },
    '✕',
  );
  close.addEventListener('click', () => store.getState().selectAgent(null));
  let shown: { agent: number | null; inspection: AgentInspection | null; content: string } = {
    agent: null,
    inspection: null,
    content: '',
  };
  const launchRow = createLaunchRow(store, () => shown.inspection?.id ?? null);
  // The inspector reads the live world: during a replay it says so, since the canvas beside it shows an earlier hour.
  const replayNote = el('p', {
    class: 'muted inspector-replay',
    'data-testid': 'inspector-replay',
    hidden: true,
  });
  const root = el(
    'section',
    { class: 'inspector', 'aria-label': 'Agent inspector', hidden: true },
    el('div', { class: 'inspector-head' }, el('h2', {}, 'Agent'), close),
    replayNote,
    body,
    launchRow.root,
  );
  return {
    root,
    update(state) {
      replayNote.hidden = state.replayTick === null;
      if (state.replayTick !== null)
        setText(
          replayNote,
          `As of the live run (tick ${state.tick}); the canvas replays tick ${state.replayTick}.`,
        );
      if (state.selectedAgent === shown.agent && state.inspection === shown.inspection) return;
      const loaded =
        state.selectedAgent !== null && state.inspection?.id === state.selectedAgent
          ? state.inspection
          : null;
      // The inspection comes again with every summary while a run plays; re-render (and re-announce the live region,
      // and replace links under the pointer) only when what it shows changed.
      const content = loaded ? contentOf(loaded) : '';
      const sameContent = loaded !== null && state.selectedAgent === shown.agent && content === shown.content;
      shown = { agent: state.selectedAgent, inspection: loaded, content };
      root.hidden = state.selectedAgent === null;
      launchRow.root.hidden = loaded === null;
      launchRow.setPlatforms(state.world?.platformNames ?? []);
      if (sameContent) return;
      if (state.selectedAgent === null) return replaceChildren(body);
      if (!loaded)
        return replaceChildren(body, el('p', { class: 'muted' }, `Loading agent #${state.selectedAgent}…`));
      replaceChildren(body, ...render(store, state, loaded));
    },
  };
}
