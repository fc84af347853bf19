// `claimgraph export` in the graph and table formats: csv and kgx write their files into the
// --out folder together and refuse standard output; gexf goes to a file or standard output
// alike; the same sources give the same bytes; --help lists every format and says how claims
// are drawn. The bundled CLI (dist/, `npm run build:cli`) runs one case as a user would.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { ROOT } from "../helpers/build.ts";
import { removeTempDirs, run, tempDir } from "../helpers/cli.ts";
import { FRESH_KB } from "../helpers/fresh-kb.ts";
import { readCsv, readKgxTsv } from "../helpers/table-readers.ts";

let kg: KnowledgeGraph;

beforeAll(async () => {
  kg = await openKnowledgeGraph([FRESH_KB]);
});
afterAll(removeTempDirs);

const count = (kind: string) => kg.graph.filterNodes((_, a) => a.kind === kind).length;

describe("export --format csv", () => {
  it("writes claims.csv and entities.csv into the --out folder, nothing else", async () => {
    const out = join(tempDir(), "tables");
    const r = await run(["export", "--format", "csv", "--out", out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["claims.csv", "entities.csv"]);
    expect(readCsv(readFileSync(join(out, "claims.csv"), "utf8"))).toHaveLength(count("claim") + 1);
    expect(readCsv(readFileSync(join(out, "entities.csv"), "utf8"))).toHaveLength(
      count("entity") + 1,
    );
  });

  it("refuses standard output with a usage error naming --out, and writes nothing", async () => {
    const r = await run(["export", "--format", "csv"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--out");
    expect(r.err).toContain("hint:");
    expect(r.out).toBe("");
  });
});

describe("export --format kgx", () => {
  it("writes nodes.tsv and edges.tsv with the KGX columns, the same bytes on a second run", async () => {
    const out = join(tempDir(), "kgx");
    expect((await run(["export", "--format", "kgx", "--out", out])).code).toBe(0);
    const first = ["nodes.tsv", "edges.tsv"].map((f) => readFileSync(join(out, f), "utf8"));
    expect((await run(["export", "--format", "kgx", "--out", out])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["edges.tsv", "nodes.tsv"]);
    const [nodes, edges] = ["nodes.tsv", "edges.tsv"].map((f) =>
      readFileSync(join(out, f), "utf8"),
    );
    expect([nodes, edges]).toEqual(first);
    expect(readKgxTsv(nodes as string, ["id", "category", "name"])).toHaveLength(count("entity"));
    expect(
      readKgxTsv(edges as string, ["id", "subject", "predicate", "object"]).length,
    ).toBeGreaterThan(0);
  });
});

describe("export --format kgx into a folder it cannot fully write", () => {
  it("replaces neither file and leaves no temporary file", async () => {
    const out = join(tempDir(), "kgx");
    mkdirSync(join(out, "edges.tsv"), { recursive: true });
    writeFileSync(join(out, "nodes.tsv"), "old\n");
    const r = await run(["export", "--format", "kgx", "--out", out]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain("edges.tsv");
    expect(readFileSync(join(out, "nodes.tsv"), "utf8")).toBe("old\n");
    expect(readdirSync(out).sort()).toEqual(["edges.tsv", "nodes.tsv"]);
  });
});

describe("export --format gexf and graphml", () => {
  it.each(["gexf", "graphml"])(
    "%s: standard output holds what --out FILE holds",
    async (format) => {
      const file = join(tempDir(), `kb.${format}`);
      expect((await run(["export", "--format", format, "--out", file])).code).toBe(0);
      const r = await run(["export", "--format", format]);
      expect(r.code).toBe(0);
      expect(r.out).toBe(readFileSync(file, "utf8"));
    },
  );
});

describe("export --help", () => {
  it("lists every format and says that claims are nodes", async () => {
    const r = await run(["export", "--help"]);
    for (const name of ["turtle", "trig", "nquads", "jsonld", "gexf", "graphml", "csv", "kgx"])
      expect(r.out).toMatch(new RegExp(`^  ${name} `, "m"));
    expect(r.out).toContain("claims are nodes");
  });
});

describe("the bundled CLI", () => {
  it("exits 2 with the hint when csv is asked for on standard output", () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, "bin", "claimgraph.js"), "export", "--format", "csv"],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--format csv writes claims\.csv and entities\.csv/);
    expect(r.stdout).toBe("");
  });
});
