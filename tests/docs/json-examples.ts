// The JSON examples of docs/*.md, and the rule an example is held to: it is a fragment of
// what its command prints, where "…" stands for anything (a value, the rest of an array, or,
// as a member `"…": "…"`, the fields an object leaves out).

/** A fenced `json` block of a doc, with the command the prose before it names. */
export interface JsonExample {
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly text: string;
  /** The command's arguments after `claimgraph`, from the last `claimgraph … --json` span before the block. */
  readonly argv: readonly string[] | undefined;
  /** Why the block cannot be checked here (`<!-- json-example: skip: REASON -->`), if it says. */
  readonly skip: string | undefined;
}

const SKIP = /^<!--\s*json-example:\s*skip:\s*(.+?)\s*-->$/;
const COMMAND = /`claimgraph ([^`]*--json[^`]*)`/g;

/** Every `json` block of `markdown`, with the paragraph before it read for its command. */
export function jsonExamples(file: string, markdown: string): JsonExample[] {
  const lines = markdown.split("\n");
  const out: JsonExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```json\s*$/.test(lines[i] as string)) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end === -1) throw new Error(`${file}:${i + 1}: a fence that never closes`);
    const before = paragraphBefore(lines, i);
    const skip = SKIP.exec(before.at(-1)?.trim() ?? "")?.[1];
    const command = [...before.join(" ").matchAll(COMMAND)].at(-1)?.[1];
    out.push({
      file,
      line: i + 1,
      text: lines.slice(i + 1, end).join("\n"),
      argv: command === undefined ? undefined : shellWords(command),
      skip,
    });
    i = end;
  }
  return out;
}

/** The lines of the paragraph that ends above line `i` (blank lines between skipped). */
function paragraphBefore(lines: readonly string[], i: number): string[] {
  let end = i;
  while (end > 0 && (lines[end - 1] as string).trim() === "") end--;
  let start = end;
  while (start > 0 && (lines[start - 1] as string).trim() !== "") start--;
  return lines.slice(start, end);
}

/** A command line's words, as a shell splits them (double or single quotes, no escapes). */
export function shellWords(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map(
    (m) => (m[1] ?? m[2] ?? m[3]) as string,
  );
}

const ANY = "…";

/**
 * Where `example` stops being a fragment of `actual`, as a path and what differs; undefined
 * when it is one. Arrays keep their order; an array without "…" has every element.
 */
export function mismatch(example: unknown, actual: unknown, path = "$"): string | undefined {
  if (example === ANY) return undefined;
  if (Array.isArray(example)) return arrayMismatch(example, actual, path);
  if (example !== null && typeof example === "object") {
    return objectMismatch(example as Record<string, unknown>, actual, path);
  }
  return Object.is(example, actual)
    ? undefined
    : `${path}: the example says ${JSON.stringify(example)}, the command ${JSON.stringify(actual)}`;
}

function arrayMismatch(example: unknown[], actual: unknown, path: string): string | undefined {
  if (!Array.isArray(actual))
    return `${path}: the example has an array, the command ${kind(actual)}`;
  const wanted = example.filter((e) => e !== ANY);
  if (wanted.length === example.length && example.length !== actual.length) {
    return `${path}: the example has ${example.length} elements, the command ${actual.length}`;
  }
  let j = 0;
  for (const [n, e] of wanted.entries()) {
    let first: string | undefined;
    for (; j < actual.length; j++) {
      const problem = mismatch(e, actual[j], `${path}[${j}]`);
      if (problem === undefined) break;
      first ??= problem;
    }
    if (j === actual.length) return first ?? `${path}: nothing left for the example's element ${n}`;
    j++;
  }
  return undefined;
}

function objectMismatch(
  example: Record<string, unknown>,
  actual: unknown,
  path: string,
): string | undefined {
  if (actual === null || typeof actual !== "object" || Array.isArray(actual)) {
    return `${path}: the example has an object, the command ${kind(actual)}`;
  }
  const real = actual as Record<string, unknown>;
  for (const key of Object.keys(example)) {
    if (key === ANY) continue;
    if (!(key in real)) return `${path}: the command prints no "${key}"`;
    const problem = mismatch(example[key], real[key], `${path}.${key}`);
    if (problem !== undefined) return problem;
  }
  if (ANY in example) return undefined;
  const left = Object.keys(real).filter((k) => !(k in example));
  return left.length === 0
    ? undefined
    : `${path}: the example leaves out ${left.map((k) => `"${k}"`).join(", ")} (write them, or "…": "…")`;
}

function kind(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

/** Every value inside `value` (itself first), for an example that shows a part of the answer. */
export function* parts(value: unknown): Generator<unknown> {
  yield value;
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) yield* parts(v);
  }
}
