// The classic-model scenario schema (file format version 1): graph, model and seeding. Pure schema, no engine logic.
import * as z from 'zod';
import { intField, numberField, probabilityField } from './fields.ts';

/** Largest node count the schema admits; whether it fits in memory is checked separately, before allocation. */
export const MAX_NODES = 100_000_000;
/** Fewest agents a social world may have. */
export const MIN_AGENTS = 10;

const nodes = intField(1, MAX_NODES, {
  label: 'Nodes',
  description: 'Number of nodes (agents) in the graph',
  unit: 'nodes',
  group: 'Graph',
});

export const erdosRenyiSchema = z.strictObject({
  type: z.literal('erdos-renyi'),
  nodes,
  meanDegree: numberField(0, 10_000, {
    label: 'Mean degree',
    description: 'Expected number of ties per agent (z = p(N−1))',
    unit: 'ties',
    group: 'Graph',
  }),
});

export const barabasiAlbertSchema = z.strictObject({
  type: z.literal('barabasi-albert'),
  nodes,
  edgesPerNode: intField(1, 1_000, {
    label: 'Edges per new node',
    description: 'Ties each arriving agent makes by preferential attachment (m)',
    unit: 'ties',
    group: 'Graph',
  }),
});

export const wattsStrogatzSchema = z.strictObject({
  type: z.literal('watts-strogatz'),
  nodes,
  neighbors: intField(2, 10_000, {
    label: 'Ring neighbours',
    description: 'Ties per agent on the starting ring lattice (k, even)',
    unit: 'ties',
    group: 'Graph',
  }).refine((k) => k % 2 === 0, { error: 'must be an even integer from 2 to 10,000' }),
  rewire: probabilityField({
    label: 'Rewiring probability',
    description: 'Chance each ring tie is rewired to a random agent (β)',
    group: 'Graph',
  }),
});

export const configurationSchema = z.strictObject({
  type: z.literal('configuration'),
  degrees: z
    .array(intField(0, 10_000_000, { label: 'Degree', description: 'Ties of one agent', unit: 'ties' }))
    .min(1, { error: 'must list at least one degree' }),
});

export const sbmSchema = z.strictObject({
  type: z.literal('sbm'),
  sizes: z
    .array(
      intField(1, MAX_NODES, { label: 'Block size', description: 'Agents in one block', unit: 'agents' }),
    )
    .min(1, { error: 'must list at least one block size' }),
  pIn: probabilityField({
    label: 'Tie probability within a block',
    description: 'Chance of a tie between two agents of the same block',
    group: 'Graph',
  }),
  pOut: probabilityField({
    label: 'Tie probability between blocks',
    description: 'Chance of a tie between agents of different blocks',
    group: 'Graph',
  }),
});

export const completeSchema = z.strictObject({ type: z.literal('complete'), nodes });

export const edgeListSchema = z.strictObject({
  type: z.literal('edge-list'),
  path: z
    .string({ error: 'must be a file path (a relative path is read from the scenario file’s folder)' })
    .min(1, { error: 'must be a non-empty file path' }),
  directed: z.boolean({ error: 'must be true or false' }).default(false),
  nodes: intField(1, MAX_NODES, {
    label: 'Nodes',
    description: 'Node count, if larger than the largest id in the file + 1',
    unit: 'nodes',
  }).optional(),
});

const simpleGraphSchemas = [
  erdosRenyiSchema,
  barabasiAlbertSchema,
  wattsStrogatzSchema,
  configurationSchema,
  sbmSchema,
  completeSchema,
  edgeListSchema,
] as const;
export const simpleGraphSchema = z.discriminatedUnion('type', simpleGraphSchemas);

export const multiplexSchema = z.strictObject({
  type: z.literal('multiplex'),
  layers: z
    .array(simpleGraphSchema)
    .min(1, { error: 'must list at least one layer' })
    .max(64, { error: 'must list at most 64 layers' }),
});

export const graphSchema = z.discriminatedUnion('type', [...simpleGraphSchemas, multiplexSchema]);

const transmissibility = probabilityField({
  label: 'Transmission probability',
  description: 'Chance an adopter passes the trend along one tie (once)',
  group: 'Model',
});

export const modelSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('independent-cascade'),
    p: z.union([transmissibility, z.array(transmissibility).min(1)]),
  }),
  z.strictObject({
    type: z.literal('sir'),
    beta: probabilityField({
      label: 'Infection probability β',
      description: 'Chance per tick that an infected agent infects one susceptible contact',
      unit: 'per tick',
      group: 'Model',
    }),
    gamma: probabilityField({
      label: 'Recovery probability γ',
      description: 'Chance per tick that an infected agent recovers',
      unit: 'per tick',
      group: 'Model',
    }),
  }),
  z.strictObject({
    type: z.literal('threshold'),
    phi: probabilityField({
      label: 'Threshold φ',
      description: 'Fraction of neighbours that must have adopted before an agent adopts (Watts 2002)',
      group: 'Model',
    }),
  }),
  z.strictObject({
    type: z.literal('complex-contagion'),
    k: intField(1, 1_000, {
      label: 'Required contacts k',
      description: 'Distinct adopting neighbours needed to adopt',
      unit: 'contacts',
      group: 'Model',
    }),
    noise: probabilityField({
      label: 'Noise ε',
      description: 'Chance per tick that an agent below threshold adopts anyway',
      unit: 'per tick',
      group: 'Model',
    }).default(0),
  }),
  z.strictObject({
    type: z.literal('bass'),
    p: probabilityField({
      label: 'Innovation p',
      description: 'Rate of spontaneous adoption (external influence)',
      unit: 'per unit time',
      group: 'Model',
    }),
    q: numberField(0, 100, {
      label: 'Imitation q',
      description: 'Rate of adoption through the adopted fraction (internal influence)',
      unit: 'per unit time',
      group: 'Model',
    }),
    dt: numberField(1e-6, 1, {
      label: 'Time step dt',
      description: 'Length of one tick in Bass time units',
      group: 'Model',
    }).default(1),
    mixing: z.enum(['global', 'network'], { error: 'must be "global" or "network"' }).default('global'),
  }),
  z.strictObject({
    type: z.literal('limited-attention'),
    mu: probabilityField({
      label: 'Innovation μ',
      description: 'Chance a posting agent starts a new meme instead of resharing one from its screen',
      group: 'Model',
    }),
    screen: intField(1, 10_000, {
      label: 'Screen length',
      description: 'Most recent posts an agent keeps on its screen (memory)',
      unit: 'posts',
      group: 'Model',
    }).default(10),
  }),
]);

export const seedingSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('random'),
    count: intField(0, MAX_NODES, {
      label: 'Seeds',
      description: 'Agents that adopt at tick 0, chosen at random',
      unit: 'agents',
      group: 'Seeding',
    }),
  }),
  z.strictObject({
    type: z.literal('nodes'),
    nodes: z.array(
      intField(0, MAX_NODES - 1, { label: 'Seed node', description: 'Id of an agent that adopts at tick 0' }),
    ),
  }),
]);

/** What a seed may be, in scenario files and the CLI's --seed (the app trims what is typed in its seed box). */
export const SEED_RULE =
  'must be a text seed, 1 to 200 characters, with no space, tab or line break at either end';

/** The fields every scenario kind opens with (classic here, world in world.ts): file version, texts, seed, runs. */
export const scenarioHeaderFields = {
  version: z.literal(1, { error: 'must be 1 (the only scenario file version so far)' }),
  title: z.string().max(200).optional(),
  description: z.string().max(5_000).optional(),
  seed: z
    .string({ error: SEED_RULE })
    .min(1, { error: SEED_RULE })
    .max(200, { error: SEED_RULE })
    // " 42" would be a run of its own that looks like 42's: refused, as the CLI's --seed refuses it.
    .refine((seed) => seed.trim() === seed, { error: SEED_RULE })
    .default('1'),
  runs: intField(1, 1_000_000, {
    label: 'Runs',
    description: 'Replicates of the scenario, each with its own seed',
    unit: 'runs',
    group: 'Run',
  }).default(1),
};

export const classicScenarioSchema = z.strictObject({
  ...scenarioHeaderFields,
  ticks: intField(1, 10_000_000, {
    label: 'Ticks',
    description: 'Most ticks a run may take; it ends early once nothing can change',
    unit: 'ticks',
    group: 'Run',
  }).default(1_000),
  regenerateGraph: z.boolean({ error: 'must be true or false' }).default(true),
  graph: graphSchema,
  model: modelSchema,
  seeding: seedingSchema,
});

export type GraphSpec = z.output<typeof graphSchema>;
export type SimpleGraphSpec = z.output<typeof simpleGraphSchema>;
export type ModelSpec = z.output<typeof modelSchema>;
export type SeedingSpec = z.output<typeof seedingSchema>;
export type ClassicScenario = z.output<typeof classicScenarioSchema>;
