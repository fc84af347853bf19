// The question commands from the outside: every --json answer of trace, path, audit and stats
// validates against docs/trace.schema.json (and the schema rejects drift), people's output is
// plain unless the Io asks for colour, `query` answers as a table, SPARQL results JSON and CSV on
// Turtle and TriG alike, and the bundled CLI (dist/, built by `npm run build:cli`) runs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { Io } from "../../src/cli/output.ts";
import type { TraceResult } from "../../src/trace/trace.ts";
import { run } from "../helpers/cli.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCHEMA = JSON.parse(readFileSync(join(ROOT, "docs", "trace.schema.json"), "utf8"));
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
ajv.addSchema(SCHEMA);
const validator = (name: string) => {
  const v = ajv.getSchema(`${SCHEMA.$id}#/$defs/${name}`);
  if (!v) throw new Error(`docs/trace.schema.json has no $defs/${name}`);
  return v;
};

const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, "g");
const CG = "PREFIX cg: <https://w3id.org/claimgraph/vocab#>";
const HAND = "tests/fixtures/kb/hand-written.ttl";

let scratch: string;
let second: string;
const savedCacheDir = process.env.CLAIMGRAPH_CACHE_DIR;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "claimgraph-trace-cli-"));
  process.env.CLAIMGRAPH_CACHE_DIR = join(scratch, "cache");
  second = join(scratch, "second");
  const r = await run([
    "build",
    ...["--sources", "tests/fixtures/sources", "--curation", "tests/fixtures/no-curation"],
    ...["--out", second, "-q"],
  ]);
  expect(r.code, r.err).toBe(0);
});

afterAll(() => {
  if (savedCacheDir === undefined) delete process.env.CLAIMGRAPH_CACHE_DIR;
  else process.env.CLAIMGRAPH_CACHE_DIR = savedCacheDir;
  rmSync(scratch, { recursive: true, force: true });
});

/** Runs the CLI in-process with an Io that asks for colour. */
async function runColoured(argv: readonly string[]) {
  let out = "";
  const io: Io = {
    out: (text) => {
      out += `${text}\n`;
    },
    err: () => {},
    color: true,
  };
  const code = await main(argv, io);
  return { code, out };
}

async function jsonOf(argv: readonly string[]): Promise<unknown> {
  const r = await run([...argv, "--json"]);
  expect(r.code, `${argv.join(" ")}: ${r.err}`).toBe(0);
  return JSON.parse(r.out);
}

function expectValid(name: string, value: unknown, what: string) {
  const v = validator(name);
  const ok = v(value);
  expect(ok, `${what}: ${ajv.errorsText(v.errors, { separator: "\n" })}`).toBe(true);
}

describe("docs/trace.schema.json", () => {
  it("is a valid draft 2020-12 schema that ajv compiles in strict mode", () => {
    expect(SCHEMA.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(ajv.validateSchema(SCHEMA)).toBe(true);
    for (const name of ["TraceResult", "PathResult", "AuditReport", "Stats"]) validator(name);
  });

  const traces: Array<[string, string[]]> = [
    ["a claim found by words", ["desipramine primary target"]],
    ["an entity by synonym", ["NET"]],
    ["an entity with 43 claims", ["desipramine"]],
    ["a reference", ["[8]"]],
    ["a reference listed twice", ["[4]"]],
    ["a work by identifier", ["pmid:12183009"]],
    ["a claim by IRI", ["claim:desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0"]],
    ["claims with a study", ["Memory", "in", "Depression"]],
    ["a typo", ["desipramin"]],
    ["nothing", ["zzzz"]],
    ["the second document's uncited reference", ["[6]", "--kb", "SECOND"]],
    ["the second document's entity", ["nortriptyline", "--kb", "SECOND"]],
    ["a hand-written knowledge base", ["imipramine", "--kb", HAND]],
    ["a hand-written claim without a table", ["imipramine inhibits", "--kb", HAND]],
    ["a dangling citation", ["clomipramine", "--kb", "tests/fixtures/kb/unresolved-citation.ttl"]],
  ];
  const withSecond = (argv: string[]) =>
    argv.map((a) => (a === "SECOND" ? join(second, "kb.ttl") : a));

  it.each(traces)("validates trace --json: %s", async (_what, argv) => {
    expectValid("TraceResult", await jsonOf(["trace", ...withSecond(argv)]), argv.join(" "));
  });

  it.each<[string, string[]]>([
    ["found", ["desipramine", "liver metastases"]],
    [
      "found through a class",
      ["nortriptyline", "desipramine", "--kb", "graph/kb.ttl", "--kb", "SECOND"],
    ],
    ["from an entity to itself", ["NET", "norepinephrine transporter"]],
    ["not found", ["desipramine", "zzzz"]],
  ])("validates path --json: %s", async (_what, argv) => {
    expectValid("PathResult", await jsonOf(["path", ...withSecond(argv)]), argv.join(" "));
  });

  it.each<[string, string[]]>([
    ["the seed", []],
    ["the second document", ["--kb", "SECOND"]],
    ["a hand-written file", ["--kb", HAND]],
    ["a dangling citation", ["--kb", "tests/fixtures/kb/unresolved-citation.ttl"]],
    ["two files", ["--kb", "graph/kb.ttl", "--kb", HAND]],
  ])("validates audit --json and stats --json: %s", async (_what, argv) => {
    expectValid("AuditReport", await jsonOf(["audit", ...withSecond(argv)]), "audit");
    expectValid("Stats", await jsonOf(["stats", ...withSecond(argv)]), "stats");
  });

  it("validates against the top-level schema too", async () => {
    const v = ajv.getSchema(SCHEMA.$id);
    for (const argv of [["trace", "NET"], ["path", "NET", "desipramine"], ["audit"], ["stats"]]) {
      expect(v?.(await jsonOf(argv)), argv.join(" ")).toBe(true);
    }
  });

  it("has answers that exercise its non-null branches", async () => {
    const memory = (await jsonOf(["trace", "[4]"])) as TraceResult;
    const withStudy = memory.claims.find((c) => c.study !== null);
    expect(withStudy?.study?.arms.length).toBeGreaterThan(0);
    expect(withStudy?.study?.qualifiers).toHaveProperty("design");
    expect(memory.claims.some((c) => c.comparison !== null)).toBe(true);
    expect(memory.references[0]?.sameWork).toHaveLength(1);
    const desipramine = (await jsonOf(["trace", "desipramine"])) as TraceResult;
    expect(desipramine.claims.some((c) => c.qualifier !== null)).toBe(true);
    const mirtazapine = (await jsonOf(["trace", "mirtazapine"])) as TraceResult;
    expect(mirtazapine.claims.some((c) => c.note !== null)).toBe(true);
    expect(desipramine.entity?.mentionedIn.length).toBeGreaterThan(0);
    const typo = (await jsonOf(["trace", "desipramin"])) as TraceResult;
    expect(typo.suggestions.length).toBeGreaterThan(0);
  });

  it("rejects drift: a field added, a field missing, a type changed, a match unknown", async () => {
    const good = (await jsonOf(["trace", "desipramine primary target"])) as TraceResult;
    const entity = (await jsonOf(["trace", "NET"])) as TraceResult;
    const v = validator("TraceResult");
    expect(v(entity)).toBe(true);
    const claim = good.claims[0] as unknown as Record<string, unknown>;
    const variants: Array<[string, unknown]> = [
      ["an extra top-level field", { ...good, extra: 1 }],
      ["a missing field", { ...good, tried: undefined }],
      ["an extra claim field", { ...good, claims: [{ ...claim, confidence: 0.9 }] }],
      ["a claim field missing", { ...good, claims: [{ ...claim, note: undefined }] }],
      [
        "a line as text",
        {
          ...good,
          claims: [{ ...claim, location: { ...(claim.location as object), line: "21" } }],
        },
      ],
      ["an unknown match", { ...good, match: "study" }],
      ["an entity with match claim", { ...good, entity: entity.entity }],
      ["match entity without the entity", { ...entity, entity: null }],
      ["match none with claims", { ...good, match: "none" }],
    ];
    for (const [what, value] of variants) {
      expect(v(JSON.parse(JSON.stringify(value))), what).toBe(false);
    }
    expect(v(good)).toBe(true);
  });
});

describe("people's output", () => {
  const commands: string[][] = [
    ["trace", "desipramine"],
    ["trace", "desipramine primary target"],
    ["trace", "[4]"],
    ["trace", "desipramin"],
    ["path", "desipramine", "liver metastases"],
    ["audit"],
    ["stats"],
    ["query", `${CG} SELECT ?d WHERE { ?d a cg:Drug }`],
  ];

  it.each(commands)("is plain without colour: %s", async (...argv) => {
    const r = await run(argv);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain(ESC);
    expect(r.out.length).toBeGreaterThan(0);
  });

  it.each([
    ["trace", "desipramine"],
    ["trace", "desipramine primary target"],
    ["trace", "[4]"],
    ["path", "desipramine", "liver metastases"],
  ])("is coloured when the Io asks for it, and says the same: %s", async (...argv) => {
    const plain = await run(argv);
    const coloured = await runColoured(argv);
    expect(coloured.code).toBe(0);
    expect(coloured.out).toMatch(ANSI);
    expect(coloured.out.replace(ANSI, "")).toBe(plain.out);
  });

  it("answers an unknown query with what it tried and a suggestion, exit 0", async () => {
    const r = await run(["trace", "desipramin"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toContain('No match for "desipramin".');
    expect(r.out).toMatch(/^Tried: a claim IRI; .*words of claims' subjects/m);
    expect(r.out).toMatch(/^Did you mean:\n {2}desipramine {2}\(entity, ent:desipramine\)/m);
  });

  it("--limit caps the claims shown and says how many more there are", async () => {
    const r = await run(["trace", "[2]", "--limit", "2"]);
    expect(r.out).toContain("10 claims rest on it:");
    expect(r.out.split("\n").filter((l) => l.includes("(desipramine-vs-ssris.md:"))).toHaveLength(
      2,
    );
    expect(r.out).toContain("showing claims 1–2 of 10; next: --offset 2");
  });

  it("pages with --offset and --limit; counts stay complete", async () => {
    const all = JSON.parse((await run(["trace", "desipramine", "--json"])).out);
    const page = JSON.parse(
      (await run(["trace", "desipramine", "--json", "--offset", "5", "--limit", "5"])).out,
    );
    expect([page.total, page.offset, page.limit, page.claims.length]).toEqual([all.total, 5, 5, 5]);
    expect(page.claims.map((c: { id: string }) => c.id)).toEqual(
      all.claims.slice(5, 10).map((c: { id: string }) => c.id),
    );
    const counts = (r: { entity: { groups: Array<{ count: number }> } }) =>
      r.entity.groups.map((g) => g.count);
    expect(counts(page)).toEqual(counts(all));
    expect(counts(page).reduce((a, b) => a + b, 0)).toBe(all.total);
    const onPage = page.entity.groups.reduce(
      (n: number, g: { claims: unknown[] }) => n + g.claims.length,
      0,
    );
    expect(onPage).toBe(5);
    const people = (await run(["trace", "desipramine", "--offset", "42"])).out;
    expect(people).toContain(`showing claims 43–43 of ${all.total}`);
  });

  it("--limit shows no predicate group without its claims", async () => {
    const r = await run(["trace", "desipramine", "--limit", "2"]);
    const blocks = r.out
      .split("\n\n")
      .slice(1, -1)
      .filter((b) => !b.startsWith("not on this page"));
    for (const block of blocks) expect(block.split("\n").length, block).toBeGreaterThan(1);
    expect(r.out).toContain("not on this page: ");
  });

  it("shows the primary-target claim with its quote marked in the document", async () => {
    const r = await run(["trace", "desipramine primary target", "--limit", "1"]);
    expect(r.out).toContain("desipramine  primary target  norepinephrine transporter   [1]");
    expect(r.out).toContain(
      '  where   desipramine-vs-ssris.md:21:16  § Compound Focus: Desipramine  table 1, row "Primary Target", column "Desipramine (TCA)"',
    );
    expect(r.out).toContain(`       | ${" ".repeat("Primary Target ⇥ ".length)}${"^".repeat(36)}`);
    expect(r.out).toContain("  cites   [1] Desipramine - StatPearls - NCBI Bookshelf - NIH");
  });
});

describe("query", () => {
  const COUNT = `${CG} SELECT (COUNT(?c) AS ?n) WHERE { ?c a cg:TableCellClaim }`;

  it.each(["graph/kb.ttl", "graph/kb.trig", "graph/kb.nq"])(
    // 46: the 36 cells (line 24's gives three claims, one per blockade) and 8 relations the
    // comparison table's arm cells state.
    "counts 46 table-cell claims in %s as a table, SPARQL JSON and CSV",
    async (file) => {
      const table = await run(["query", COUNT, "--kb", file]);
      expect(table.code, table.err).toBe(0);
      expect(table.out.trimEnd().split("\n")).toEqual(["?n", "--", "46", "1 row"]);
      const json = await run(["query", COUNT, "--kb", file, "--format", "json"]);
      const results = JSON.parse(json.out);
      expect(results.head.vars).toEqual(["n"]);
      expect(results.results.bindings).toEqual([
        {
          n: {
            type: "literal",
            value: "46",
            datatype: "http://www.w3.org/2001/XMLSchema#integer",
          },
        },
      ]);
      const csv = await run(["query", COUNT, "--kb", file, "--format", "csv"]);
      expect(csv.out.trimEnd().split(/\r?\n/)).toEqual(["n", "46"]);
    },
  );

  it.each(["graph/kb.ttl", "graph/kb.trig"])(
    "counts in %s what the document holds: 84 claims, 21 uncited, 8 references",
    async (file) => {
      const count = async (where: string) => {
        const r = await run([
          "query",
          `${CG} SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ${where} }`,
          "--kb",
          file,
          "--format",
          "csv",
        ]);
        expect(r.code, r.err).toBe(0);
        return Number(r.out.trim().split(/\r?\n/)[1]);
      };
      expect(await count("?x a cg:Claim")).toBe(84);
      expect(await count("?x a cg:Claim; cg:uncited true")).toBe(21);
      expect(await count("?x a cg:Reference")).toBe(8);
    },
  );

  it("shows IRIs short in the table and in full in JSON", async () => {
    const q = `${CG} SELECT ?d WHERE { ?d a cg:Drug } ORDER BY ?d`;
    const table = await run(["query", q]);
    expect(table.out.trimEnd().split("\n").slice(2)).toEqual([
      "ent:desipramine",
      "ent:fluoxetine",
      "ent:mirtazapine",
      "3 rows",
    ]);
    const json = JSON.parse((await run(["query", q, "--format", "json"])).out);
    expect(json.results.bindings[0].d).toEqual({
      type: "uri",
      value: "https://w3id.org/claimgraph/kb/entity/desipramine",
    });
  });

  it("answers ASK with true or false", async () => {
    expect((await run(["query", `${CG} ASK { ?d a cg:Drug }`])).out.trim()).toBe("true");
    expect((await run(["query", `${CG} ASK { ?d a cg:Nothing }`])).out.trim()).toBe("false");
  });

  it("reports a query that does not parse as a usage error (exit 2), at its line and column", async () => {
    const r = await run(["query", "SELECT WHERE {"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^claimgraph: the query does not parse at 1:8: /);
    expect(r.err).toContain("hint:");
  });

  it("knows claimgraph's prefixes without PREFIX lines", async () => {
    const r = await run(["query", "SELECT (COUNT(?c) AS ?n) WHERE { ?c a cg:TableCellClaim }"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("46");
  });

  it("shows every selected variable as a column, in the query's order", async () => {
    const r = await run([
      "query",
      `${CG} SELECT ?x ?d WHERE { ?d a cg:Drug OPTIONAL { ?d cg:noSuchProperty ?x } } ORDER BY ?d`,
    ]);
    expect(r.out.split("\n")[0]).toMatch(/^\?x +\?d/);
  });
});

describe("the bundled CLI", () => {
  const BIN = join(ROOT, "bin", "claimgraph.js");

  it("runs `trace desipramine` in a process of its own (exit 0, plain when piped)", () => {
    expect(
      existsSync(join(ROOT, "dist", "main.js")),
      "dist/main.js is missing: run `npm run build:cli` (npm test does)",
    ).toBe(true);
    const r = spawnSync(process.execPath, [BIN, "trace", "desipramine"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CLAIMGRAPH_CACHE_DIR: join(scratch, "spawned-cache") },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^desipramine {2}Drug · ent:desipramine$/m);
    expect(r.stdout).toContain("43 claims about it");
    expect(r.stdout).not.toContain(ESC);
  });

  it("prints --json that validates, and exits 0 on an unknown query", () => {
    for (const q of ["desipramine", "zzzz"]) {
      const r = spawnSync(process.execPath, [BIN, "trace", q, "--json"], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, CLAIMGRAPH_CACHE_DIR: join(scratch, "spawned-cache") },
      });
      expect(r.status, r.stderr).toBe(0);
      expectValid("TraceResult", JSON.parse(r.stdout), q);
    }
  });

  it("gives an entity its assertions across the loaded documents, with support, before its claims", () => {
    const env = { ...process.env, CLAIMGRAPH_CACHE_DIR: join(scratch, "spawned-cache") };
    const json = spawnSync(process.execPath, [BIN, "trace", "desipramine", "--json"], {
      cwd: ROOT,
      encoding: "utf8",
      env,
    });
    const entity = JSON.parse(json.stdout).entity;
    const target = entity.assertions.find(
      (a: { predicate: { label: string } }) => a.predicate.label === "primary target",
    );
    expect(target).toMatchObject({ says: "norepinephrine transporter", documents: 1, works: 1 });
    expect(target.support.tertiary).toBe(1);
    const text = spawnSync(process.execPath, [BIN, "trace", "desipramine"], {
      cwd: ROOT,
      encoding: "utf8",
      env,
    }).stdout;
    expect(text.indexOf("\nassertions (")).toBeGreaterThan(0);
    expect(text.indexOf("\nassertions (")).toBeLessThan(text.indexOf("\nprimary target ("));
  });
});
