// Turns schema failures into one clear line per problem: the JSON path of the field and the allowed values. No I/O.
import type * as z from 'zod';

/** A scenario, sweep, share link or flag that failed validation; `lines` are ready to print. */
export class InputError extends Error {
  constructor(
    readonly source: string,
    readonly lines: readonly string[],
  ) {
    super(`${source}: ${lines.join('; ')}`);
    this.name = 'InputError';
  }
}

/** Runs `check` and returns the lines of the InputError it throws (none when it passes); other errors propagate. */
export function problemsOf(check: () => unknown): readonly string[] {
  try {
    check();
    return [];
  } catch (error) {
    if (error instanceof InputError) return error.lines;
    throw error;
  }
}

/** Keys written with a dot in a path: names of letters, digits, `_`, `$` and `-`, not starting with a digit. */
const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `graph.layers[1].nodes` style path, `(root)` for the whole document. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    // A key that is no plain name (a sweep's dotted vary path) in brackets, as sweep messages write it: vary["a.b"].
    else if (typeof key === 'string' && !PLAIN_KEY.test(key)) text += `[${JSON.stringify(key)}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(root)' : text;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function shortJson(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON.parse reads 1e400 as Infinity, which JSON.stringify would print as null.
  if (typeof value === 'number' && !Number.isFinite(value))
    return 'a number too large to store, beyond ±1.8e308';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** One line per issue: `graph.nodes: must be an integer from 1 to 50,000,000 (got 0)`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  return issues.map((issue) => {
    const at = jsonPath(issue.path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const where = issue.path.length === 0 ? 'the top level' : at;
        return `${issue.keys.map((k) => jsonPath([...issue.path, k])).join(', ')}: unknown field in ${where}`;
      }
      case 'invalid_union': {
        const options = 'options' in issue && Array.isArray(issue.options) ? issue.options : undefined;
        if (options)
          return `${at}: must be one of ${options.map((o) => JSON.stringify(o)).join(', ')} (got ${shortJson(valueAt(input, issue.path))})`;
        return `${at}: ${issue.message} (got ${shortJson(valueAt(input, issue.path))})`;
      }
      default: {
        const got = valueAt(input, issue.path);
        const message =
          issue.message.startsWith('Invalid input: expected') && got === undefined
            ? `is required (${issue.message.replace('Invalid input: ', '').replace(/, received undefined$/, '')})`
            : issue.message;
        if (got !== undefined) return `${at}: ${message} (got ${shortJson(got)})`;
        // A missing field fails its own type check with the field's range text: say that it is missing.
        return issue.code === 'invalid_type' && !message.startsWith('is required')
          ? `${at}: is required; ${message}`
          : `${at}: ${message}`;
      }
    }
  });
}

/** Parses `input` with `schema`, or throws an InputError naming every bad field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, source: string): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InputError(source, describeIssues(result.error.issues, input));
}
