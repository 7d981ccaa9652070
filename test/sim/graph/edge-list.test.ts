// Tests for edge-list parsing: separators, comments, headers, labels, and bad lines reported by number. Touches only sim/graph.
import { describe, expect, it } from 'vitest';
import {
  createLabelTable,
  edgeListNodeCount,
  edgeListToCsr,
  parseEdgeList,
} from '../../../sim/graph/edge-list.ts';
import { inputErrorOf } from '../params/input-error.ts';

const ties = (text: string) => {
  const p = parseEdgeList(text, 'edges.csv');
  return Array.from({ length: p.edgeCount }, (_, i) => [p.sources[i], p.targets[i]]);
};

describe('parseEdgeList', () => {
  it('reads comma, tab and space separated ties, ignoring extra columns', () => {
    expect(ties('0,1\n1,2,0.5\n')).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(ties('0\t1\n1\t2\tfoo\n')).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(ties('0 1\n  1    2   7\r\n')).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(ties('0, 1\n')).toEqual([[0, 1]]);
  });

  it('skips blank lines, # and % comments, a byte-order mark and a header line', () => {
    const text = '\uFEFF# made by hand\n% MatrixMarket-style comment\nsource,target,weight\n\n3,4,1\n4,5,1\n';
    const parsed = parseEdgeList(text, 'edges.csv');
    expect(parsed.usesLabels).toBe(false);
    expect(parsed.idCount).toBe(6);
    expect(ties(text)).toEqual([
      [3, 4],
      [4, 5],
    ]);
  });

  it('treats an unfamiliar non-numeric first line as a header when the next line is numeric', () => {
    expect(ties('alpha beta\n0 1\n')).toEqual([[0, 1]]);
  });

  it('maps labels to ids in order of first appearance', () => {
    const labels = createLabelTable();
    const parsed = parseEdgeList(
      'from,to\nSeoul,Tokyo\n"São Paulo",Seoul\nTokyo,Lagos\n',
      'cities.csv',
      labels,
    );
    expect(parsed.usesLabels).toBe(true);
    expect(labels.names).toEqual(['Seoul', 'Tokyo', 'São Paulo', 'Lagos']);
    expect(Array.from(parsed.sources.subarray(0, 3))).toEqual([0, 2, 1]);
    expect(Array.from(parsed.targets.subarray(0, 3))).toEqual([1, 0, 3]);
    expect(parsed.idCount).toBe(4);
  });

  it('keeps a first line of labels as a tie when the following lines are labels too', () => {
    const labels = createLabelTable();
    parseEdgeList('ana bo\nbo cy\n', 'e.txt', labels);
    expect(labels.names).toEqual(['ana', 'bo', 'cy']);
  });

  it('reports a bad line with its number and the text it got', () => {
    const error = inputErrorOf(() => parseEdgeList('# ids\n0,1\n1,2\n2,3\n3,4\n\n1;2\n', 'edges.csv'));
    expect(error.lines).toEqual([
      'edges.csv line 7: expected two node ids separated by a comma, tab or spaces (got "1;2")',
    ]);
  });

  it('reports a non-integer id in an integer file and an id beyond the node limit', () => {
    const error = inputErrorOf(() => parseEdgeList('0 1\n1 x\n100000000 1\n', 'e.txt'));
    expect(error.lines).toEqual([
      'e.txt line 2: expected non-negative integer node ids, as on the first tie line (got "1 x")',
      'e.txt line 3: node id 100000000 is above the largest allowed, 99,999,999',
    ]);
  });

  it('lists ten bad lines and counts the rest', () => {
    const text = Array.from({ length: 25 }, (_, i) => (i === 0 ? '0,1' : 'oops')).join('\n');
    const error = inputErrorOf(() => parseEdgeList(text, 'edges.csv'));
    expect(error.lines).toHaveLength(11);
    expect(error.lines[0]).toBe(
      'edges.csv line 2: expected two node ids separated by a comma, tab or spaces (got "oops")',
    );
    expect(error.lines[10]).toBe('edges.csv: … and 14 more bad lines');
  });
});

describe('edgeListNodeCount and edgeListToCsr', () => {
  it('uses the largest id + 1, or graph.nodes when larger', () => {
    const parsed = parseEdgeList('0 4\n', 'e.txt');
    expect(edgeListNodeCount(parsed, 'e.txt', undefined)).toBe(5);
    expect(edgeListNodeCount(parsed, 'e.txt', 9)).toBe(9);
  });

  it('refuses graph.nodes below an id in the file', () => {
    const parsed = parseEdgeList('0 4\n', 'e.txt');
    expect(inputErrorOf(() => edgeListNodeCount(parsed, 'e.txt', 3)).lines[0]).toBe(
      'graph.nodes: is 3, but e.txt has node id 4 (ids must be below graph.nodes)',
    );
  });

  it('refuses a file without ties unless graph.nodes is given', () => {
    const parsed = parseEdgeList('# nothing\nsource,target\n', 'e.txt');
    expect(inputErrorOf(() => edgeListNodeCount(parsed, 'e.txt', undefined)).lines[0]).toMatch(
      /^graph\.path: e\.txt has no ties/,
    );
    expect(edgeListNodeCount(parsed, 'e.txt', 4)).toBe(4);
  });

  it('drops self-loops and repeats, and keeps direction when directed', () => {
    const parsed = parseEdgeList('0 1\n1 0\n2 2\n1 2\n', 'e.txt');
    const undirected = edgeListToCsr(parsed, 3, false);
    expect(undirected.edgeCount).toBe(2);
    const directed = edgeListToCsr(parsed, 3, true);
    expect(directed.edgeCount).toBe(3);
    expect(Array.from(directed.inTargets.subarray(directed.inOffsets[0]!, directed.inOffsets[1]!))).toEqual([
      1,
    ]);
  });
});
