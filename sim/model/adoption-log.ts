// The order of every adoption of a run across all trends, and where each tick began in it: what a replay of an earlier tick reads. Written by adopt() and stepWorld only; no DOM, no RNG.

/**
 * Adopter and trend of each adoption in the order they happened (first `length` entries; both arrays grow by
 * doubling), and `tickStart[t]` = `length` when tick t began to be simulated (first `ticks` entries). The per-trend
 * state says who adopted what and when, but not which of two trends an agent took up in the same hour came last:
 * the canvas colours an agent by its latest adoption, so a replay needs this order.
 */
export interface AdoptionLog {
  agent: Int32Array;
  trend: Uint8Array;
  length: number;
  tickStart: Int32Array;
  ticks: number;
}

export function createAdoptionLog(): AdoptionLog {
  return {
    agent: new Int32Array(256),
    trend: new Uint8Array(256),
    length: 0,
    tickStart: new Int32Array(64),
    ticks: 0,
  };
}

export function logAdoption(log: AdoptionLog, agent: number, trend: number): void {
  if (log.length === log.agent.length) {
    const agents = new Int32Array(log.length * 2);
    agents.set(log.agent);
    log.agent = agents;
    const trends = new Uint8Array(log.length * 2);
    trends.set(log.trend);
    log.trend = trends;
  }
  log.agent[log.length] = agent;
  log.trend[log.length] = trend;
  log.length++;
}

/** Marks the start of tick `tick` (called once per tick, in order, before any of its adoptions). */
export function logTickStart(log: AdoptionLog, tick: number): void {
  if (tick !== log.ticks)
    throw new RangeError(`adoption log: tick ${tick} started out of order (expected ${log.ticks})`);
  if (log.ticks === log.tickStart.length) {
    const starts = new Int32Array(log.ticks * 2);
    starts.set(log.tickStart);
    log.tickStart = starts;
  }
  log.tickStart[log.ticks] = log.length;
  log.ticks++;
}

/**
 * How many log entries the world had shown after `tick` ticks: everything before tick `tick` began, including trends
 * launched while the run stood at that tick. `tick` = ticks simulated so far gives the whole log.
 */
export function entriesShownAt(log: AdoptionLog, tick: number): number {
  return tick < log.ticks ? log.tickStart[tick]! : log.length;
}
