// Nearest-agent lookup for hover and click: a uniform grid over fixed positions. Pure; must not touch Pixi or the DOM.

/**
 * Agents bucketed into a `cols × rows` grid of square cells of side `cellSize` over [0, width] × [0, height].
 * The agents of cell c are `items[cellStart[c]] … items[cellStart[c + 1] − 1]`; `cellStart` has cols·rows + 1 entries.
 */
export interface HitGrid {
  readonly cellSize: number;
  readonly cols: number;
  readonly rows: number;
  readonly cellStart: Uint32Array;
  readonly items: Uint32Array;
  readonly x: Float32Array;
  readonly y: Float32Array;
}

/** Builds the grid by counting sort in O(N + cells). Positions outside the area are clamped to the edge cells. */
export function buildHitGrid(
  x: Float32Array,
  y: Float32Array,
  width: number,
  height: number,
  cellSize: number,
): HitGrid {
  const cols = Math.max(1, Math.ceil(width / cellSize));
  const rows = Math.max(1, Math.ceil(height / cellSize));
  const cellOf = (a: number) => {
    const cx = Math.min(cols - 1, Math.max(0, Math.floor(x[a]! / cellSize)));
    const cy = Math.min(rows - 1, Math.max(0, Math.floor(y[a]! / cellSize)));
    return cy * cols + cx;
  };
  const cellStart = new Uint32Array(cols * rows + 1);
  for (let a = 0; a < x.length; a++) cellStart[cellOf(a) + 1]!++;
  for (let c = 0; c < cols * rows; c++) cellStart[c + 1]! += cellStart[c]!;
  const fill = cellStart.slice(0, cols * rows);
  const items = new Uint32Array(x.length);
  for (let a = 0; a < x.length; a++) items[fill[cellOf(a)]!++] = a;
  return { cellSize, cols, rows, cellStart, items, x, y };
}

/**
 * The agent nearest to (qx, qy) within `maxDistance` (≤ cellSize, so the 3 × 3 cells around the query suffice),
 * or −1. Cost is the agents in 9 cells: O(1) for a cell size near the node spacing. Ties go to the lower index.
 */
export function nearestAgent(grid: HitGrid, qx: number, qy: number, maxDistance: number): number {
  const reach = Math.min(maxDistance, grid.cellSize);
  const cx = Math.floor(qx / grid.cellSize);
  const cy = Math.floor(qy / grid.cellSize);
  let best = -1;
  let bestD2 = reach * reach;
  for (let dy = -1; dy <= 1; dy++) {
    const row = cy + dy;
    if (row < 0 || row >= grid.rows) continue;
    for (let dx = -1; dx <= 1; dx++) {
      const col = cx + dx;
      if (col < 0 || col >= grid.cols) continue;
      const c = row * grid.cols + col;
      for (let i = grid.cellStart[c]!; i < grid.cellStart[c + 1]!; i++) {
        const a = grid.items[i]!;
        const d2 = (grid.x[a]! - qx) ** 2 + (grid.y[a]! - qy) ** 2;
        if (d2 < bestD2 || (d2 === bestD2 && best !== -1 && a < best)) {
          bestD2 = d2;
          best = a;
        }
      }
    }
  }
  return best;
}
