// Scenario files from text: JSON syntax errors with line:column, then the schema of the scenario's kind. No I/O.
import { InputError, parseOrThrow } from './errors.ts';
import { type ClassicScenario, classicScenarioSchema } from './scenario.ts';
import { type WorldScenario, worldScenarioSchema } from './world.ts';

/**
 * A validated scenario, tagged by kind: `classic` (textbook models on textbook graphs) or `world`
 * (the multi-platform social world; recognised by its top-level `"world"` key).
 */
export type LoadedScenario =
  | { readonly kind: 'classic'; readonly scenario: ClassicScenario }
  | { readonly kind: 'world'; readonly scenario: WorldScenario };

/** Whether a parsed document is a social-world scenario (it has a top-level `world` key). */
export function isWorldDocument(raw: unknown): boolean {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'world' in raw;
}

/** The schema that validates `raw`: the world schema for world documents, else the classic one. */
export function scenarioSchemaFor(raw: unknown): typeof classicScenarioSchema | typeof worldScenarioSchema {
  return isWorldDocument(raw) ? worldScenarioSchema : classicScenarioSchema;
}

/** 1-based line and column of character `offset` in `text` (a column counts UTF-16 units). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Parses JSON, or throws an InputError with one line `line L, column C: invalid JSON (reason)`.
 * The position comes from a small syntax scan because V8's messages only sometimes carry one.
 */
export function parseJsonText(rawText: string, sourceName: string): unknown {
  // Editors on Windows may start a UTF-8 file with a byte-order mark, which JSON.parse refuses.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  try {
    return JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(text);
    const { line, column } = lineColumn(text, offset);
    const reason = String((error as Error).message)
      .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '');
    throw new InputError(sourceName, [`line ${line}, column ${column}: invalid JSON (${reason})`]);
  }
}

/**
 * Validates an already parsed scenario document and tags its kind. This is the one dispatch
 * point for scenario kinds: a new kind adds one branch here and one member to LoadedScenario.
 */
export function parseScenarioValue(raw: unknown, sourceName: string): LoadedScenario {
  if (isWorldDocument(raw)) {
    return { kind: 'world', scenario: parseOrThrow(worldScenarioSchema, raw, sourceName) };
  }
  return { kind: 'classic', scenario: parseOrThrow(classicScenarioSchema, raw, sourceName) };
}

/** Parses scenario file text: JSON (errors with line and column), then the schema of its kind. */
export function parseScenarioText(text: string, sourceName: string): LoadedScenario {
  return parseScenarioValue(parseJsonText(text, sourceName), sourceName);
}

/** Offset of the first JSON syntax error in `text` (text.length if it ends too early, -1 if none). */
export function jsonErrorOffset(text: string): number {
  let at = 0;
  const fail = (offset: number): never => {
    throw offset;
  };
  const skipSpace = () => {
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      at++;
    }
  };
  const literal = (word: string) => {
    for (let i = 0; i < word.length; i++) if (text[at + i] !== word[i]) fail(Math.min(at + i, text.length));
    at += word.length;
  };
  const string = () => {
    at++; // opening quote
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c === 34) {
        at++;
        return;
      }
      if (c < 32) fail(at);
      if (c === 92) {
        const next = text[at + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) fail(at);
          at += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) at += 2;
        else fail(at);
      } else at++;
    }
    fail(text.length);
  };
  const digits = () => {
    const start = at;
    while (at < text.length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at++;
    if (at === start) fail(at);
  };
  const number = () => {
    if (text[at] === '-') at++;
    if (text[at] === '0') at++;
    else digits();
    if (text[at] === '.') {
      at++;
      digits();
    }
    if (text[at] === 'e' || text[at] === 'E') {
      at++;
      if (text[at] === '+' || text[at] === '-') at++;
      digits();
    }
  };
  const value = (depth: number): void => {
    if (depth > 10_000) fail(at);
    skipSpace();
    const c = text[at];
    if (c === undefined) fail(text.length);
    if (c === '{') {
      at++;
      skipSpace();
      if (text[at] === '}') {
        at++;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[at] !== '"') fail(at);
        string();
        skipSpace();
        if (text[at] !== ':') fail(at);
        at++;
        value(depth + 1);
        skipSpace();
        if (text[at] === ',') at++;
        else if (text[at] === '}') {
          at++;
          return;
        } else fail(at);
      }
    }
    if (c === '[') {
      at++;
      skipSpace();
      if (text[at] === ']') {
        at++;
        return;
      }
      for (;;) {
        value(depth + 1);
        skipSpace();
        if (text[at] === ',') at++;
        else if (text[at] === ']') {
          at++;
          return;
        } else fail(at);
      }
    }
    if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
  };
  try {
    value(0);
    skipSpace();
    return at < text.length ? at : -1;
  } catch (offset) {
    return offset as number;
  }
}
