// Tests of scenario loading: JSON syntax errors with line:column, schema errors naming the field, kind dispatch.
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, lineColumn, parseJsonText, parseScenarioText } from '../../../sim/params/load.ts';
import { inputErrorOf } from './input-error.ts';

const valid = {
  version: 1,
  graph: { type: 'erdos-renyi', nodes: 100, meanDegree: 3 },
  model: { type: 'independent-cascade', p: 0.2 },
  seeding: { type: 'random', count: 1 },
};

const linesOf = (action: () => unknown) => inputErrorOf(action).lines;

describe('lineColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\nef', 8)).toEqual({ line: 3, column: 3 });
  });
});

describe('jsonErrorOffset', () => {
  it('finds the same position as V8 wherever V8 reports one', () => {
    const broken = [
      '{"a":1,}',
      '{"a" 1}',
      '{"a":1',
      '[1,2]x',
      '{"a":01}',
      '{"a":"x\n"}',
      '[1,,2]',
      '{"a":[1,2}',
      '  {"b":-}',
      '[1.]',
      '[1e+]',
      '[-x]',
    ];
    for (const text of broken) {
      let v8: number | undefined;
      try {
        JSON.parse(text);
      } catch (error) {
        const match = /position (\d+)/.exec((error as Error).message);
        v8 = match ? Number(match[1]) : undefined;
      }
      if (v8 !== undefined) expect(jsonErrorOffset(text), text).toBe(v8);
      else expect(jsonErrorOffset(text), text).toBeGreaterThanOrEqual(0);
    }
  });

  it('returns -1 for valid JSON', () => {
    expect(jsonErrorOffset(JSON.stringify(valid, null, 2))).toBe(-1);
    expect(jsonErrorOffset('"\\u00e9\\n" ')).toBe(-1);
  });
});

describe('parseJsonText', () => {
  it('names the line and column of a syntax error', () => {
    const text = '{\n  "version": 1,\n  "graph": tru\n}';
    const lines = linesOf(() => parseJsonText(text, 'x.json'));
    // "tru" starts at line 3, column 12; the scan fails at the first wrong character, the "\n" after it (column 15).
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^line 3, column 15: invalid JSON/);
  });

  it('accepts a byte-order mark before the document', () => {
    expect(parseJsonText('\uFEFF{"a": 1}', 'x.json')).toEqual({ a: 1 });
  });

  it('points past the last character when the text ends too early', () => {
    expect(linesOf(() => parseJsonText('{\n"a": [1, 2', 'x.json'))[0]).toMatch(
      /^line 2, column 11: invalid JSON/,
    );
    expect(linesOf(() => parseJsonText('', 'x.json'))[0]).toMatch(/^line 1, column 1: invalid JSON/);
  });
});

describe('parseScenarioText', () => {
  it('fills the defaults of a valid classic scenario', () => {
    const loaded = parseScenarioText(JSON.stringify(valid), 's.json');
    expect(loaded.kind).toBe('classic');
    expect(loaded.scenario).toMatchObject({ seed: '1', runs: 1, ticks: 1000, regenerateGraph: true });
  });

  it('names an unknown field and an out-of-range value with their JSON paths and ranges', () => {
    const bad = { ...valid, colour: 'red', model: { type: 'independent-cascade', p: 1.5 } };
    const lines = linesOf(() => parseScenarioText(JSON.stringify(bad), 's.json'));
    expect(lines).toContain('colour: unknown field in the top level');
    expect(lines).toContain('model.p: must be a number from 0 to 1 (got 1.5)');
  });

  it('refuses a seed with blanks at either end, which would be a run of its own looking like another', () => {
    for (const seed of [' 42', '42\n', '\t42']) {
      expect(linesOf(() => parseScenarioText(JSON.stringify({ ...valid, seed }), 's.json'))).toEqual([
        `seed: must be a text seed, 1 to 200 characters, with no space, tab or line break at either end (got ${JSON.stringify(seed)})`,
      ]);
    }
    expect(parseScenarioText(JSON.stringify({ ...valid, seed: 'a b' }), 's.json').scenario.seed).toBe('a b');
  });

  it('says a number too large to store is too large, not null', () => {
    const text = JSON.stringify(valid).replace('"meanDegree":3', '"meanDegree":1e400');
    expect(text).toContain('1e400');
    expect(linesOf(() => parseScenarioText(text, 's.json'))).toEqual([
      'graph.meanDegree: must be a number from 0 to 10,000 ties (got a number too large to store, beyond ±1.8e308)',
    ]);
  });

  it('sends a document with a "world" key to the world schema instead of the classic one', () => {
    const loaded = parseScenarioText(JSON.stringify({ version: 1, world: {} }), 'w.json');
    expect(loaded.kind).toBe('world');
    // The classic schema would have asked for graph, model and seeding; the world schema names its own fields.
    const lines = linesOf(() =>
      parseScenarioText(JSON.stringify({ version: 1, world: { agents: 3 } }), 'w.json'),
    );
    expect(lines).toEqual([expect.stringMatching(/^world\.agents: must be an integer from 10 to /)]);
  });
});
