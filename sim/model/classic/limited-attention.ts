// Limited-attention meme competition (Weng, Flammini, Vespignani & Menczer 2012, Sci. Rep. 2:335). Pure: randomness from the injected Rng.
import type { Graph } from '../../graph/csr.ts';
import type { Rng } from '../../rng.ts';
import { type ClassicSimulation, type ContagionState, hashState } from './state.ts';
import { unionOfLayers } from './union.ts';

/** Every post ever made, as parallel arrays of length `count`, in posting order (post id = index). */
export interface PostLog {
  readonly count: number;
  /** Meme of the post (ids 0..memeCount-1, numbered by birth). */
  readonly meme: Uint32Array;
  readonly author: Uint32Array;
  /** The post this one reshared (always an earlier post id), −1 when the post started a new meme. */
  readonly parent: Int32Array;
  /** Tick the post was made in (posts of the step from tick t to t + 1 carry t + 1). */
  readonly tick: Uint32Array;
}

export interface LimitedAttention extends ClassicSimulation {
  /** Posts of each meme so far, the original included: index = meme id. A copy. */
  popularity(): Uint32Array;
  /** The post log so far (copies trimmed to `count`). */
  posts(): PostLog;
}

/**
 * One tick is N agent activations; each picks an agent uniformly (with replacement). The agent posts a
 * brand-new meme with probability μ (or when its screen is empty), else reshares a post drawn uniformly
 * from its screen: the last `screen` posts it received. A post goes to the screens of the author's
 * out-neighbours, which csr.ts defines as the nodes an agent pushes to (its followers); on an
 * undirected graph, all its neighbours. A multiplex graph is read as the union of its layers. On a
 * complete graph a post reaches everyone else, so an agent's screen is the latest `screen` posts by
 * others, read off the post log without materialising screens. Seeds are ignored (memes are born by
 * innovation). Agent-level state: `adoptTick[a]` is the tick of a's first post, `parent` stays −1
 * (the cascade trees are per meme, in `posts().parent`); `adoptedCount` counts agents who posted,
 * `activeCount` the distinct memes posted in the latest tick. Never done: it runs to the tick limit.
 */
export function createLimitedAttention(graph: Graph, mu: number, screen: number, rng: Rng): LimitedAttention {
  const network = unionOfLayers(graph);
  const nodeCount = graph.nodeCount;
  const state: ContagionState = {
    nodeCount,
    tick: 0,
    adoptTick: new Int32Array(nodeCount).fill(-1),
    parent: new Int32Array(nodeCount).fill(-1),
    adoptedCount: 0,
    activeCount: 0,
  };
  const csr = network.kind === 'csr' ? network : undefined;
  const screens = new Int32Array(csr ? nodeCount * screen : 0);
  const screenHead = new Uint32Array(csr ? nodeCount : 0);
  const screenFill = new Uint32Array(csr ? nodeCount : 0);
  const recent = new Int32Array(csr ? 0 : screen);
  let postCount = 0;
  let postMeme = new Uint32Array(1024);
  let postAuthor = new Uint32Array(1024);
  let postParent = new Int32Array(1024);
  let postTick = new Uint32Array(1024);
  let memeCount = 0;
  let popularity = new Uint32Array(1024);
  let memeLastTick = new Int32Array(1024);

  function grow<T extends Uint32Array | Int32Array>(array: T, needed: number): T {
    if (needed <= array.length) return array;
    const grown = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
    grown.set(array);
    return grown;
  }

  /** Fills `recent` with the latest `screen` posts not by `agent` (complete graph); returns how many. */
  function wellMixedScreen(agent: number): number {
    let found = 0;
    for (let id = postCount - 1; id >= 0 && found < screen; id--)
      if (postAuthor[id] !== agent) recent[found++] = id;
    return found;
  }

  function activate(agent: number, tick: number): void {
    let reshared = -1;
    const innovate = rng.next() < mu;
    if (csr) {
      const fill = screenFill[agent]!;
      if (!innovate && fill > 0) reshared = screens[agent * screen + rng.int(fill)]!;
    } else if (!innovate) {
      const fill = wellMixedScreen(agent);
      if (fill > 0) reshared = recent[rng.int(fill)]!;
    }
    let meme: number;
    if (reshared < 0) {
      meme = memeCount++;
      popularity = grow(popularity, memeCount);
      memeLastTick = grow(memeLastTick, memeCount);
      memeLastTick[meme] = -1;
    } else {
      meme = postMeme[reshared]!;
    }
    popularity[meme]!++;
    if (memeLastTick[meme] !== tick) {
      memeLastTick[meme] = tick;
      state.activeCount++;
    }
    const post = postCount++;
    if (postCount > postMeme.length) {
      postMeme = grow(postMeme, postCount);
      postAuthor = grow(postAuthor, postCount);
      postParent = grow(postParent, postCount);
      postTick = grow(postTick, postCount);
    }
    postMeme[post] = meme;
    postAuthor[post] = agent;
    postParent[post] = reshared;
    postTick[post] = tick;
    if (state.adoptTick[agent] === -1) {
      state.adoptTick[agent] = tick;
      state.adoptedCount++;
    }
    if (!csr) return;
    for (let e = csr.offsets[agent]!; e < csr.offsets[agent + 1]!; e++) {
      const follower = csr.targets[e]!;
      const head = screenHead[follower]!;
      screens[follower * screen + head] = post;
      screenHead[follower] = head + 1 === screen ? 0 : head + 1;
      if (screenFill[follower]! < screen) screenFill[follower]!++;
    }
  }

  return {
    state,
    isDone: () => nodeCount === 0,
    step() {
      if (nodeCount === 0) return;
      const tick = state.tick + 1;
      state.activeCount = 0;
      for (let i = 0; i < nodeCount; i++) activate(rng.int(nodeCount), tick);
      state.tick = tick;
    },
    popularity: () => popularity.slice(0, memeCount),
    posts: () => ({
      count: postCount,
      meme: postMeme.slice(0, postCount),
      author: postAuthor.slice(0, postCount),
      parent: postParent.slice(0, postCount),
      tick: postTick.slice(0, postCount),
    }),
    stateHash: () =>
      hashState(
        state,
        [
          screens,
          screenHead,
          screenFill,
          postMeme.subarray(0, postCount),
          postAuthor.subarray(0, postCount),
          postParent.subarray(0, postCount),
          popularity.subarray(0, memeCount),
        ],
        [rng],
        [postCount, memeCount],
      ),
  };
}
