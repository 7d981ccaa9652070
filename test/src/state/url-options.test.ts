// Tests the page options: ?agents= accepted in range, refused with the allowed range otherwise, applied only where the scenario has the field; ?embed= accepts 1 or 0 and names both otherwise; ?agents= can be dropped from an address.
import { describe, expect, it } from 'vitest';
import {
  AGENT_COUNT_PATH,
  EMBED_OPTION,
  readUrlOptions,
  scenarioAdjuster,
  withoutAgentsOption,
} from '../../../src/state/url-options.ts';

describe('page options from the query string', () => {
  it('accepts an agent count in range and writes it into the scenario', () => {
    const options = readUrlOptions(new URLSearchParams('agents=5000'));
    expect(options).toEqual({ agents: 5000, embed: false, notice: null });
    const [outer, inner] = AGENT_COUNT_PATH;
    const scenario = { [outer]: { [inner]: 100_000, other: 1 }, keep: true };
    expect(scenarioAdjuster(options)(scenario)).toEqual({ [outer]: { [inner]: 5000, other: 1 }, keep: true });
    expect(scenario[outer][inner]).toBe(100_000);
  });

  it("ignores a bad agent count with a message naming the allowed range, the schema's world.agents range", () => {
    expect(readUrlOptions(new URLSearchParams('agents=10')).agents).toBe(10);
    for (const raw of ['9', '-5', '5e9', '2e8', 'lots', '1000.5', '0x10', '1e4', ' 500', '+500']) {
      const options = readUrlOptions(new URLSearchParams(`agents=${raw}`));
      expect(options.agents).toBeNull();
      expect(options.notice).toContain('agents must be an integer from 10 to 100,000,000');
    }
  });

  it('adds the count where the preset left it to the default, leaves other scenarios alone, and does nothing without the option', () => {
    const adjust = scenarioAdjuster(readUrlOptions(new URLSearchParams('agents=500')));
    expect(adjust({ a: 1 })).toEqual({ a: 1 });
    expect(adjust({ world: {} })).toEqual({ world: { agents: 500 } });
    expect(readUrlOptions(new URLSearchParams(''))).toEqual({ agents: null, embed: false, notice: null });
  });

  it('shows the embedded view for ?embed=1 and the full app for ?embed=0 or no option', () => {
    expect(readUrlOptions(new URLSearchParams(`embed=${EMBED_OPTION.on}`))).toEqual({
      agents: null,
      embed: true,
      notice: null,
    });
    expect(readUrlOptions(new URLSearchParams(`embed=${EMBED_OPTION.off}`)).embed).toBe(false);
    expect(readUrlOptions(new URLSearchParams('agents=2000&embed=1'))).toEqual({
      agents: 2000,
      embed: true,
      notice: null,
    });
  });

  it('keeps the full app for a bad ?embed= value, with a notice naming the option and the allowed values', () => {
    for (const raw of ['yes', 'true', '', '2', ' 1']) {
      const options = readUrlOptions(new URLSearchParams({ embed: raw }));
      expect(options.embed, raw).toBe(false);
      expect(options.notice, raw).toContain(`?embed=${raw} was ignored`);
      expect(options.notice, raw).toMatch(/embed must be 1 \(.+\) or 0 \(.+\)/);
    }
  });

  it('names every ignored option when several are bad, and keeps the good ones', () => {
    const options = readUrlOptions(new URLSearchParams('agents=lots&embed=yes'));
    expect(options).toMatchObject({ agents: null, embed: false });
    expect(options.notice).toContain('?agents=lots was ignored');
    expect(options.notice).toContain('?embed=yes was ignored');
    const oneBad = readUrlOptions(new URLSearchParams('agents=lots&embed=1'));
    expect(oneBad).toMatchObject({ agents: null, embed: true });
    expect(oneBad.notice).not.toContain('embed');
  });

  it('drops only ?agents= from an address, keeping the path, the other options and the hash', () => {
    expect(withoutAgentsOption('http://host/app/?agents=1000000&embed=1#s=abc')).toBe(
      'http://host/app/?embed=1#s=abc',
    );
    expect(withoutAgentsOption('http://host/app/?agents=1000000')).toBe('http://host/app/');
    const untouched = 'http://host/app/?embed=0#s=abc';
    expect(withoutAgentsOption(untouched)).toBe(untouched);
  });
});
