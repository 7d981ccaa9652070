// Tests of the multiplex social graph: homophily, heavy tails, clustered local messenger, layer overlap, shared hubs, CSR invariants.
import { describe, expect, it } from 'vitest';
import { drawPopulation } from '../../../sim/model/population.ts';
import { buildSocialGraph, type SocialGraph } from '../../../sim/model/social-graph.ts';
import type { Population } from '../../../sim/model/world.ts';
import { defaultWorldParams, type WorldParams } from '../../../sim/params/world.ts';
import { assortativity, follows, forEachFollow, meanClustering, spearman } from './social-graph-measures.ts';

const N = 20_000;
const LOOP = 0; // short-video, follow
const FRAME = 1; // photo, follow
const TALK = 4; // messenger, groups

function build(
  patch: Partial<WorldParams>,
  seed = 'graph-test',
): { params: WorldParams; population: Population; graph: SocialGraph } {
  const params: WorldParams = { ...defaultWorldParams(), agents: N, ...patch };
  const population = drawPopulation(params, seed);
  return { params, population, graph: buildSocialGraph(population, params, seed) };
}

const base = build({});

describe('buildSocialGraph', () => {
  it('stores every follow layer as two CSR directions that transpose each other, without self-ties or repeats, among members only', () => {
    for (const layer of base.graph.layers) {
      const g = layer.ties;
      const bit = 1 << layer.platform;
      let bad = 0;
      let ends = 0;
      for (let u = 0; u < N; u++) {
        const hasTies = g.inOffsets[u + 1]! > g.inOffsets[u]! || g.offsets[u + 1]! > g.offsets[u]!;
        if (hasTies && !(base.population.platforms[u]! & bit)) bad++;
        for (let i = g.inOffsets[u]!; i < g.inOffsets[u + 1]!; i++) {
          const v = g.inTargets[i]!;
          if (v === u || (i > g.inOffsets[u]! && g.inTargets[i - 1]! >= v)) bad++; // ascending ⇒ no repeats
          ends++;
        }
      }
      expect(bad).toBe(0);
      expect(g.offsets[N]).toBe(g.inOffsets[N]);
      expect(ends).toBe(g.directed ? g.edgeCount : 2 * g.edgeCount);
      if (g.directed) {
        // Every follow u → v is listed among v's followers: count matches and a sample is found there.
        let checked = 0;
        forEachFollow(g, (u, v) => {
          if ((u + v) % 97 !== 0) return;
          let found = false;
          for (let i = g.offsets[v]!; i < g.offsets[v + 1]!; i++) if (g.targets[i] === u) found = true;
          if (!found) bad++;
          checked++;
        });
        expect(checked).toBeGreaterThan(100);
        expect(bad).toBe(0);
      }
    }
  });

  it('gives follow layers about the planned mean followees per member', () => {
    for (const p of [LOOP, FRAME]) {
      let members = 0;
      for (let a = 0; a < N; a++) if (base.population.platforms[a]! & (1 << p)) members++;
      const mean = base.graph.layers[p]!.ties.edgeCount / members;
      // Lognormal plan with mean meanTies; a few follows are lost when a member's pools run dry: within 10%.
      expect(mean / base.params.platforms[p]!.meanTies).toBeGreaterThan(0.9);
      expect(mean / base.params.platforms[p]!.meanTies).toBeLessThan(1.1);
    }
  });

  it('shows fandom and region homophily well above the random-mixing baseline, and none without homophily', () => {
    const fans = (u: number) => base.population.fandom[u]! > 0;
    const sameFandom = assortativity(base.graph.layers[LOOP]!.ties, base.population.fandom, fans);
    const sameRegion = assortativity(base.graph.layers[LOOP]!.ties, base.population.region);
    // Default homophily keeps the fandom with probability 0.5 and the region with 0.7, so about h + (1 − h) × baseline
    // of ties match (less where a member's own bucket is small); the mega fandom alone makes the fandom baseline ~0.2.
    expect(sameFandom.observed).toBeGreaterThan(2 * sameFandom.baseline);
    expect(sameFandom.observed - sameFandom.baseline).toBeGreaterThan(0.25);
    expect(sameRegion.observed - sameRegion.baseline).toBeGreaterThan(0.4);

    // Control: no homophily and no mirroring (messenger groups are regional, so mirrored ties would carry region).
    const mixed = build({ homophily: { fandom: 0, region: 0, interests: 0 }, layerOverlap: 0 });
    const mixedFandom = assortativity(
      mixed.graph.layers[LOOP]!.ties,
      mixed.population.fandom,
      (u) => mixed.population.fandom[u]! > 0,
    );
    const mixedRegion = assortativity(mixed.graph.layers[LOOP]!.ties, mixed.population.region);
    // With no homophily targets are independent of the source: observed = baseline up to sampling noise
    // (~34k fan ties, ~190k ties: binomial standard errors ≈ 0.0012 and 0.0008, so 0.01 is ≥ 8 of them).
    expect(Math.abs(mixedFandom.observed - mixedFandom.baseline)).toBeLessThan(0.01);
    expect(Math.abs(mixedRegion.observed - mixedRegion.baseline)).toBeLessThan(0.01);
  });

  it('gives follow layers a heavy-tailed follower distribution', () => {
    const followersOf = (graph: SocialGraph, p: number) => {
      const list: number[] = [];
      for (let a = 0; a < N; a++)
        if (base.population.platforms[a]! & (1 << p))
          list.push(graph.followerCounts[a * base.params.platforms.length + p]!);
      return list.sort((x, y) => y - x);
    };
    const followers = followersOf(base.graph, LOOP);
    const mean = followers.reduce((s, x) => s + x, 0) / followers.length;
    const top1 = followers.slice(0, Math.ceil(followers.length / 100)).reduce((s, x) => s + x, 0);
    // A Poisson in-degree with this mean (~20) has its maximum near mean + 5√mean ≈ 42 and its top 1% holding ~2%
    // of all follows (1.7%); preferential attachment on Pareto popularity gives hubs with hundreds and a fat top 1%.
    expect(followers[0]!).toBeGreaterThan(10 * mean);
    expect(top1 / (mean * followers.length)).toBeGreaterThan(0.06);
  });

  it('makes the messenger layer clustered and local', () => {
    const talk = base.graph.layers[TALK]!.ties;
    expect(talk.directed).toBe(false);
    let members = 0;
    for (let a = 0; a < N; a++) if (base.population.platforms[a]! & (1 << TALK)) members++;
    const density = (2 * talk.edgeCount) / (members * (members - 1));
    const clustering = meanClustering(talk);
    // An Erdős–Rényi graph of the same density has clustering ≈ density (~1e-3); overlapping cliques give ≫ 0.1.
    expect(clustering).toBeGreaterThan(0.3);
    expect(clustering).toBeGreaterThan(100 * density);
    let crossRegion = 0;
    for (let u = 0; u < N; u++) {
      for (let i = talk.offsets[u]!; i < talk.offsets[u + 1]!; i++)
        if (base.population.region[talk.targets[i]!] !== base.population.region[u]) crossRegion++;
    }
    expect(talk.edgeCount).toBeGreaterThan(N);
    expect(crossRegion).toBe(0);
  });

  it('mirrors more ties between layers as layerOverlap rises (0 → 0.5 → 0.9)', () => {
    const mirrored = (overlap: number) => {
      const { population, graph } = build({ layerOverlap: overlap }, 'overlap');
      const loop = graph.layers[LOOP]!.ties;
      let both = 0;
      let shared = 0;
      // Photo ties whose two ends are both on short video: the share that short video also has.
      forEachFollow(graph.layers[FRAME]!.ties, (u, v) => {
        if (!(population.platforms[u]! & population.platforms[v]! & (1 << LOOP))) return;
        both++;
        if (follows(loop, u, v)) shared++;
      });
      return shared / both;
    };
    const none = mirrored(0);
    const half = mirrored(0.5);
    const most = mirrored(0.9);
    // Without mirroring only homophily and shared hubs make ties coincide (a few %); each step adds well over 0.1.
    expect(none).toBeLessThan(0.1);
    expect(half).toBeGreaterThan(none + 0.1);
    expect(most).toBeGreaterThan(half + 0.1);
  });

  it('makes the same people hubs on several platforms', () => {
    const { population, graph, params } = build({ layerOverlap: 0 }, 'hubs');
    const P = params.platforms.length;
    const x: number[] = [];
    const y: number[] = [];
    for (let a = 0; a < N; a++) {
      if (!(population.platforms[a]! & (1 << LOOP)) || !(population.platforms[a]! & (1 << FRAME))) continue;
      x.push(graph.followerCounts[a * P + LOOP]!);
      y.push(graph.followerCounts[a * P + FRAME]!);
    }
    // Independent layers would give rank correlation 0 (± 1/√n ≈ 0.01 here); shared latent popularity, not mirroring
    // (overlap is 0), makes it strongly positive.
    expect(spearman(x, y)).toBeGreaterThan(0.3);
    const top = Math.ceil(x.length / 100);
    const topOf = (values: number[]) =>
      new Set(
        values
          .map((v, i) => [v, i] as const)
          .sort((a, b) => b[0] - a[0])
          .slice(0, top)
          .map(([, i]) => i),
      );
    const topX = topOf(x);
    let overlap = 0;
    for (const i of topOf(y)) if (topX.has(i)) overlap++;
    // By chance the two top-1% sets would share ~1% of their members.
    expect(overlap / top).toBeGreaterThan(0.2);
  });
});
