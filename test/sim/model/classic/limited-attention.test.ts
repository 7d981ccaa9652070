// Limited-attention memes (Weng et al. 2012): mean popularity 1/μ, heavy tails, and consistent per-meme cascade trees.
import { describe, expect, it } from 'vitest';
import { cascadeTrees } from '../../../../sim/metrics/cascade.ts';
import { runClassic } from '../../../../sim/model/classic/run.ts';
import { createRng } from '../../../../sim/rng.ts';
import { erdosRenyi, mean } from './helpers.ts';

describe('limited-attention memes', () => {
  const nodeCount = 2_000;
  const graph = erdosRenyi(nodeCount, 10, createRng('memes', 'graph'));

  for (const mu of [0.1, 0.3]) {
    it(`has mean meme popularity 1/μ and a heavy tail for μ = ${mu}`, () => {
      // 200 ticks × 2,000 activations = 400,000 posts; memes born by the μ coin ~ Binomial(posts, μ),
      // relative sd ≤ 0.5%. Agents whose screen is still empty must post a new meme: ~N/z·(1−μ) ≈ 180
      // extra memes early on, a bias ≤ 0.5%. Tolerance 2.5% covers bias + 4 sd.
      const result = runClassic(
        graph,
        { type: 'limited-attention', mu, screen: 10 },
        new Uint32Array(0),
        createRng('memes', `mu-${mu}`),
        200,
      );
      const popularity = Array.from(result.items!.popularity);
      expect(result.ticks).toBe(200);
      expect(result.posts!.count).toBe(200 * nodeCount);
      const average = mean(popularity);
      expect(Math.abs(average * mu - 1)).toBeLessThan(0.025);
      // Heavy tail: the largest of M memes with a geometric (exponential-tailed) popularity of the same
      // mean would be about ln(M)/μ, i.e. ~10× the mean for these M; competition for attention gives
      // far more (32–64× in seeded trials). 20× separates the two.
      expect(Math.max(...popularity)).toBeGreaterThan(20 * average);
    });
  }

  it('keeps per-meme cascade trees whose sizes are the popularities', () => {
    const result = runClassic(
      graph,
      { type: 'limited-attention', mu: 0.2, screen: 5 },
      new Uint32Array(0),
      createRng('memes', 'trees'),
      20,
    );
    const posts = result.posts!;
    let reshares = 0;
    let broken = 0;
    for (let post = 0; post < posts.count; post++) {
      const from = posts.parent[post]!;
      if (from === -1) continue;
      reshares++;
      if (!(from < post) || posts.meme[from] !== posts.meme[post] || posts.tick[from]! > posts.tick[post]!)
        broken++;
    }
    expect(reshares).toBeGreaterThan(0.7 * posts.count);
    expect(broken).toBe(0);
    const trees = cascadeTrees(posts.parent, () => true);
    const popularity = result.items!.popularity;
    expect(trees.length).toBe(popularity.length);
    for (const tree of trees) expect(tree.size).toBe(popularity[posts.meme[tree.root]!]);
  });

  it('runs well mixed on a complete graph with the same mean popularity', () => {
    // 50 ticks × 2,000 = 100,000 posts at μ = 0.25: sd of the meme count ≈ 0.55%; everyone sees every
    // post, so screens fill after one post: tolerance 2.5%.
    const result = runClassic(
      { kind: 'complete', nodeCount },
      { type: 'limited-attention', mu: 0.25, screen: 10 },
      new Uint32Array(0),
      createRng('memes', 'complete'),
      50,
    );
    expect(Math.abs(mean(Array.from(result.items!.popularity)) * 0.25 - 1)).toBeLessThan(0.025);
  });
});
