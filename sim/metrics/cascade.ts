// Cascade-tree measures from parent pointers: size, depth, max breadth, structural virality. Pure; O(n), no recursion.

/** One cascade tree: `root` is an adopter whose parent is −1. */
export interface CascadeStats {
  root: number;
  /** Nodes in the tree, the root included. */
  size: number;
  /** Largest distance from the root (0 for a lone root). */
  depth: number;
  /** Largest number of nodes at one depth (the root's level counts: at least 1). */
  maxBreadth: number;
  /**
   * Goel, Anderson, Hofman & Watts (2016): mean shortest-path distance over all pairs of distinct
   * nodes of the tree, 2W / (n(n − 1)) with W = Σ over tree edges of s(n − s), s the size of the
   * subtree below the edge. 0 for a lone root (no pairs).
   */
  structuralVirality: number;
}

/**
 * Every cascade tree of a run, roots in increasing id order. Node i is in a tree when it adopted —
 * `adopted` is either a predicate or an `adoptTick` array (adopted ⇔ adoptTick[i] ≥ 0) — and
 * `parent[i]` is its parent (−1 for a root). Nodes whose parent chain never reaches a root (which a
 * correct run never produces) are left out. Runs in O(number of nodes) time with flat typed arrays:
 * children lists by counting sort, one breadth-first pass, subtree sizes accumulated in reverse order.
 */
export function cascadeTrees(
  parent: Int32Array,
  adopted: Int32Array | ((node: number) => boolean),
): CascadeStats[] {
  const n = parent.length;
  const isAdopted = typeof adopted === 'function' ? adopted : (node: number) => adopted[node]! >= 0;
  const inTree = new Uint8Array(n);
  const childStart = new Uint32Array(n + 1);
  for (let v = 0; v < n; v++) {
    if (!isAdopted(v)) continue;
    inTree[v] = 1;
    const p = parent[v]!;
    if (p >= 0) {
      if (p >= n) throw new RangeError(`parent[${v}] = ${p} is not a node (${n} nodes)`);
      childStart[p + 1]!++;
    }
  }
  for (let v = 0; v < n; v++) childStart[v + 1]! += childStart[v]!;
  const children = new Uint32Array(childStart[n]!);
  const cursor = childStart.slice(0, n);
  for (let v = 0; v < n; v++) {
    if (inTree[v] === 0) continue;
    const p = parent[v]!;
    if (p >= 0) children[cursor[p]!++] = v;
  }

  const queue = new Uint32Array(n);
  const depthOf = new Uint32Array(n);
  const subtree = new Float64Array(n);
  const trees: CascadeStats[] = [];
  let levelCounts = new Uint32Array(64);
  for (let root = 0; root < n; root++) {
    if (inTree[root] === 0 || parent[root] !== -1) continue;
    // Breadth-first from the root: queue[0..size) ends up in nondecreasing depth order.
    let head = 0;
    let size = 0;
    queue[size++] = root;
    depthOf[root] = 0;
    let depth = 0;
    while (head < size) {
      const u = queue[head++]!;
      const childDepth = depthOf[u]! + 1;
      for (let e = childStart[u]!; e < childStart[u + 1]!; e++) {
        const child = children[e]!;
        if (inTree[child] === 0) continue;
        depthOf[child] = childDepth;
        if (childDepth > depth) depth = childDepth;
        queue[size++] = child;
      }
    }
    if (levelCounts.length <= depth)
      levelCounts = new Uint32Array(Math.max(depth + 1, levelCounts.length * 2));
    levelCounts.fill(0, 0, depth + 1);
    for (let i = 0; i < size; i++) {
      levelCounts[depthOf[queue[i]!]!]!++;
      subtree[queue[i]!] = 1;
    }
    let maxBreadth = 0;
    for (let d = 0; d <= depth; d++) if (levelCounts[d]! > maxBreadth) maxBreadth = levelCounts[d]!;
    // Reverse breadth-first order visits children before parents: accumulate subtree sizes and W.
    // Each term is an exact integer (< 2⁵³) but W reaches ~n³/6, past 2⁵³ for n ≳ 400k: Neumaier
    // compensated summation keeps W to within an ulp.
    let wiener = 0;
    let compensation = 0;
    for (let i = size - 1; i > 0; i--) {
      const v = queue[i]!;
      const below = subtree[v]!;
      const term = below * (size - below);
      const sum = wiener + term;
      compensation += Math.abs(wiener) >= term ? wiener - sum + term : term - sum + wiener;
      wiener = sum;
      subtree[parent[v]!]! += below;
    }
    wiener += compensation;
    trees.push({
      root,
      size,
      depth,
      maxBreadth,
      structuralVirality: size > 1 ? (2 * wiener) / (size * (size - 1)) : 0,
    });
  }
  return trees;
}
