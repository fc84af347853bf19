import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type RdfSyntax,
  rapperCheck,
  serdiCheck,
  type ValidatorResult,
} from "./external-validators";

type Check = (file: string, syntax: RdfSyntax) => ValidatorResult;

const PREFIX = "@prefix ex: <http://example.org/> .\n";

const VALID: Record<RdfSyntax, { name: string; text: string }> = {
  turtle: { name: "valid.ttl", text: `${PREFIX}ex:a ex:b "c" .\n` },
  trig: { name: "valid.trig", text: `${PREFIX}ex:g { ex:a ex:b "c" . }\n` },
  nquads: {
    name: "valid.nq",
    text: '<http://example.org/a> <http://example.org/b> "c" <http://example.org/g> .\n',
  },
};

// Each broken file has an unterminated string literal.
const UNTERMINATED: Record<RdfSyntax, { name: string; text: string }> = {
  turtle: { name: "unterminated.ttl", text: `${PREFIX}ex:a ex:b "c .\n` },
  trig: { name: "unterminated.trig", text: `${PREFIX}ex:g { ex:a ex:b "c . }\n` },
  nquads: {
    name: "unterminated.nq",
    text: '<http://example.org/a> <http://example.org/b> "c <http://example.org/g> .\n',
  },
};

// TriG 1.1 allows the optional GRAPH keyword; rapper 2.0.15 predates it, serdi 0.30 accepts it.
const GRAPH_KEYWORD = {
  name: "graph-keyword.trig",
  text: `${PREFIX}GRAPH ex:g { ex:a ex:b "c" . }\n`,
};

const SYNTAXES: RdfSyntax[] = ["turtle", "trig", "nquads"];
const TOOLS: Array<[string, Check]> = [
  ["rapper", rapperCheck],
  ["serdi", serdiCheck],
];

let dir = "";
const path = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "claimgraph-validators-"));
  for (const file of [...Object.values(VALID), ...Object.values(UNTERMINATED), GRAPH_KEYWORD]) {
    writeFileSync(path(file.name), file.text);
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(TOOLS)("%s", (_tool, check) => {
  it.each(SYNTAXES)("accepts a valid %s file", (syntax) => {
    const result = check(path(VALID[syntax].name), syntax);
    expect(result.ok, result.output).toBe(true);
  });

  it.each(SYNTAXES)("rejects a %s file with an unterminated literal", (syntax) => {
    const result = check(path(UNTERMINATED[syntax].name), syntax);
    expect(result.ok).toBe(false);
    expect(result.output).not.toBe("");
  });

  it("throws when the input file does not exist", () => {
    expect(() => check(path("missing.ttl"), "turtle")).toThrow(/input file not found/);
  });

  it("throws with an install hint when the tool is not on PATH", () => {
    const saved = process.env.PATH;
    process.env.PATH = dir;
    try {
      expect(() => check(path(VALID.turtle.name), "turtle")).toThrow(
        "install raptor2-utils / serdi (see .ci/run)",
      );
    } finally {
      process.env.PATH = saved;
    }
  });
});

describe("TriG GRAPH keyword", () => {
  it("is rejected by rapper", () => {
    const result = rapperCheck(path(GRAPH_KEYWORD.name), "trig");
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/syntax error/);
  });

  it("is accepted by serdi", () => {
    const result = serdiCheck(path(GRAPH_KEYWORD.name), "trig");
    expect(result.ok, result.output).toBe(true);
  });
});

describe("rapper output", () => {
  it("reports the triple count", () => {
    const result = rapperCheck(path(VALID.turtle.name), "turtle");
    expect(result.output).toMatch(/Parsing returned 1 triple/);
  });
});
