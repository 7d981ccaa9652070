// Independent cascade with AgentScript's own Model, turtles and links, headless in Node. Bench only; no sim/ state touched.
import type { CsrGraph } from '../../sim/graph/csr.ts';
import type { Rng } from '../../sim/rng.ts';

/** The slice of AgentScript 0.10 used here (the package ships no types). */
interface AsTurtle {
  id: number;
  active: boolean;
  links: AsLink[];
  otherEnd(link: AsLink): AsTurtle;
}
interface AsLink {
  end0: AsTurtle;
  end1: AsTurtle;
}
interface AsModel {
  turtles: AsTurtle[] & { create(count: number, init: (turtle: AsTurtle) => void): AsTurtle[] };
  links: AsLink[] & { createOne(from: AsTurtle, to: AsTurtle): AsLink };
}
type AsModelClass = new (world: { minX: number; maxX: number; minY: number; maxY: number }) => AsModel;

/**
 * Loads AgentScript's Model class. Its bundle builds a 1×1 canvas at import time for CSS colour
 * parsing and, outside a browser, asks for `OffscreenCanvas`, which Node lacks: a do-nothing stand-in
 * is installed first (colours are never used here). `agentscript/src/*.js` cannot be imported instead:
 * it pulls `/vendor/...` absolute paths meant for a web server.
 */
export async function loadAgentScriptModel(): Promise<AsModelClass> {
  const host = globalThis as { OffscreenCanvas?: unknown };
  host.OffscreenCanvas ??= class {
    getContext(): object {
      return {};
    }
  };
  const specifier: string = 'agentscript';
  const library = (await import(specifier)) as { Model: AsModelClass };
  return library.Model;
}

/** A model holding one turtle per CSR node (turtle id = node id) and one link per undirected tie. */
export function agentScriptFromCsr(Model: AsModelClass, graph: CsrGraph): AsModel {
  if (graph.directed) throw new Error('the AgentScript comparison expects an undirected graph');
  const model = new Model({ minX: -16, maxX: 16, minY: -16, maxY: 16 });
  model.turtles.create(graph.nodeCount, (turtle) => {
    turtle.active = false;
  });
  const turtles = model.turtles;
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let i = graph.offsets[u]!; i < graph.offsets[u + 1]!; i++) {
      const v = graph.targets[i]!;
      if (v > u) model.links.createOne(turtles[u]!, turtles[v]!);
    }
  }
  return model;
}

/**
 * The same cascade as the engine's, in AgentScript idiom: the frontier is an array of turtles, each
 * walks `turtle.links` and `turtle.otherEnd(link)`, one coin from `rng` per link toward an inactive
 * turtle. Marks turtles `active`; returns the activated turtle ids in activation order. Indexed loops,
 * not `for…of`: measured about twice as fast on AgentScript's Array subclasses, so the comparison
 * gives AgentScript its best plain-JavaScript showing.
 */
export function agentScriptCascade(model: AsModel, p: number, seeds: Uint32Array, rng: Rng): number[] {
  const activated: number[] = [];
  let frontier: AsTurtle[] = [];
  for (const seed of seeds) {
    const turtle = model.turtles[seed]!;
    if (!turtle.active) {
      turtle.active = true;
      frontier.push(turtle);
      activated.push(turtle.id);
    }
  }
  while (frontier.length > 0) {
    const next: AsTurtle[] = [];
    for (let f = 0; f < frontier.length; f++) {
      const turtle = frontier[f]!;
      const links = turtle.links;
      for (let i = 0; i < links.length; i++) {
        const other = turtle.otherEnd(links[i]!);
        if (!other.active && rng.next() < p) {
          other.active = true;
          next.push(other);
          activated.push(other.id);
        }
      }
    }
    frontier = next;
  }
  return activated;
}

/** Clears every turtle's `active` flag so the next cascade starts fresh on the same model. */
export function resetAgentScript(model: AsModel): void {
  for (const turtle of model.turtles) turtle.active = false;
}
