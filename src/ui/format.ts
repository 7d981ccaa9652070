// Pure formatting of read-outs, the region wave and cascade stats: numbers and strings in, strings and small records out. No DOM.
import type { TrendSummary } from '../../sim/model/api.ts';

/** "Day 3 · 14:00 UTC" from a 0-based simulated day and UTC hour. */
export function formatClock(day: number, hourUtc: number): string {
  return `Day ${day + 1} · ${String(Math.floor(hourUtc)).padStart(2, '0')}:00 UTC`;
}

/** The clock after `tick` ticks: the hour of the latest simulated tick, as summaries report it (world-summary.ts). */
export function clockAfter(tick: number): string {
  const last = Math.max(0, tick - 1);
  return formatClock(Math.floor(last / 24), last % 24);
}

/** 950 → "950", 12 345 → "12.3k", 1 234 567 → "1.23M" (short labels for dense places). */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const abs = Math.abs(n);
  if (abs < 1_000) return String(Math.round(n));
  if (abs < 1_000_000) return `${(n / 1_000).toFixed(abs < 10_000 ? 2 : 1).replace(/\.?0+$/, '')}k`;
  return `${(n / 1_000_000).toFixed(abs < 10_000_000 ? 2 : 1).replace(/\.?0+$/, '')}M`;
}

/** 0.1234 → "12.3 %"; NaN → "–". */
export function formatPercent(share: number, digits = 1): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(digits)} %` : '–';
}

/** A number with a fixed count of decimals, "–" when not finite. */
export function formatNumber(x: number, digits = 2): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '–';
}

/** Hours as "5 h" below two days, else "2.5 d". */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours)) return '–';
  return hours < 48 ? `${Math.round(hours)} h` : `${(hours / 24).toFixed(1).replace(/\.0$/, '')} d`;
}

/** A wait in whole seconds: "8 s", "2 min 05 s". */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** Total adopters over all trends (an agent adopting two trends counts twice: it is participation, not people). */
export function totalAdopters(trends: readonly Pick<TrendSummary, 'adopters'>[]): number {
  let sum = 0;
  for (const t of trends) sum += t.adopters;
  return sum;
}

/** One sentence per trend for the accessible read-out: "Dance A: 1,234 adopters, reach 5.6 % of 22,000." */
export function reachSentence(
  trend: Pick<TrendSummary, 'name' | 'adopters' | 'exposed'>,
  agentCount: number,
): string {
  const reach = agentCount > 0 ? trend.exposed / agentCount : Number.NaN;
  return `${trend.name}: ${trend.adopters.toLocaleString('en-US')} adopters, reached ${formatPercent(reach)} of ${agentCount.toLocaleString('en-US')}`;
}

/** A cell of the region wave: hours after the trend's first onset anywhere (null = not yet), and its rank in arrival order. */
export interface WaveCell {
  readonly onsetTick: number | null;
  readonly hoursAfterFirst: number | null;
  /** 0 for the first region reached, 1 for the next distinct onset time, …; null when not reached. */
  readonly rank: number | null;
}

/**
 * The region wave of one trend: for each region, when it passed onset relative to the first region that did.
 * Regions with the same onset tick share a rank. Input: onset tick per region, −1 = not yet.
 */
export function waveRow(onsetTickByRegion: readonly number[]): WaveCell[] {
  const reached = onsetTickByRegion.filter((t) => t >= 0);
  const first = reached.length > 0 ? Math.min(...reached) : 0;
  const distinct = [...new Set(reached)].sort((a, b) => a - b);
  return onsetTickByRegion.map((t) =>
    t < 0
      ? { onsetTick: null, hoursAfterFirst: null, rank: null }
      : { onsetTick: t, hoursAfterFirst: t - first, rank: distinct.indexOf(t) },
  );
}

/** Cascade stats of a trend's largest cascade as label/value pairs, "–" when there is none yet. */
export function cascadeFacts(
  trend: Pick<TrendSummary, 'largestCascade'>,
): { label: string; value: string }[] {
  const c = trend.largestCascade;
  return [
    { label: 'size', value: c ? c.size.toLocaleString('en-US') : '–' },
    { label: 'depth', value: c ? String(c.depth) : '–' },
    { label: 'breadth', value: c ? c.maxBreadth.toLocaleString('en-US') : '–' },
    { label: 'virality', value: c ? formatNumber(c.structuralVirality, 2) : '–' },
  ];
}
