// Tests the ?agents= page option: accepted in range, refused with the allowed range otherwise, applied only where the scenario has the field.
import { describe, expect, it } from 'vitest';
import { AGENT_COUNT_PATH, readUrlOptions, scenarioAdjuster } from '../../../src/state/url-options.ts';

describe('page options from the query string', () => {
  it('accepts an agent count in range and writes it into the scenario', () => {
    const options = readUrlOptions(new URLSearchParams('agents=5000'));
    expect(options).toEqual({ agents: 5000, notice: null });
    const [outer, inner] = AGENT_COUNT_PATH;
    const scenario = { [outer]: { [inner]: 100_000, other: 1 }, keep: true };
    expect(scenarioAdjuster(options)(scenario)).toEqual({ [outer]: { [inner]: 5000, other: 1 }, keep: true });
    expect(scenario[outer][inner]).toBe(100_000);
  });

  it('ignores a bad agent count with a message naming the allowed range', () => {
    for (const raw of ['12', '5e9', '2e8', 'lots', '1000.5']) {
      const options = readUrlOptions(new URLSearchParams(`agents=${raw}`));
      expect(options.agents).toBeNull();
      expect(options.notice).toContain('agents must be an integer from 100 to 100,000,000');
    }
  });

  it('adds the count where the preset left it to the default, leaves other scenarios alone, and does nothing without the option', () => {
    const adjust = scenarioAdjuster(readUrlOptions(new URLSearchParams('agents=500')));
    expect(adjust({ a: 1 })).toEqual({ a: 1 });
    expect(adjust({ world: {} })).toEqual({ world: { agents: 500 } });
    expect(readUrlOptions(new URLSearchParams(''))).toEqual({ agents: null, notice: null });
  });
});
