// `claimgraph build`, `export`, `validate` and `--help`, run in-process: the seed build reproduces
// the committed graph/kb.* byte for byte, and a second document builds and validates.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { missingDir, removeTempDirs, run, tempDir } from "../helpers/cli.ts";

afterAll(removeTempDirs);

const SEED = "graph/sources/desipramine-vs-ssris.md";
const FORMATS = [
  { format: "turtle", file: "kb.ttl" },
  { format: "trig", file: "kb.trig" },
  { format: "nquads", file: "kb.nq" },
  { format: "jsonld", file: "kb.jsonld" },
] as const;

function sameBytes(a: string, b: string): boolean {
  return readFileSync(a).equals(readFileSync(b));
}

describe("the seed document", () => {
  it("is the one the knowledge base was built from", () => {
    const sha = createHash("sha256").update(readFileSync(SEED)).digest("hex");
    expect(sha).toBe("9289e7fc205e6902ba9392a5ca9fc10da1ad421082881c41b0595b5310710dd7");
  });
});

describe("build", () => {
  it("reproduces graph/kb.* byte for byte and prints the summary", async () => {
    const out = tempDir();
    const r = await run(["build", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toMatch(/^ {2}table cells +36$/m);
    expect(r.out).toMatch(/^citation markers +41$/m);
    expect(r.out).toMatch(/^references +8 \(resolving to 7 works\)$/m);
    for (const { file } of FORMATS) {
      expect(r.out).toContain(join(out, file));
      expect(sameBytes(join(out, file), join("graph", file)), file).toBe(true);
    }
  });

  it("--json prints the summary as JSON", async () => {
    const r = await run(["build", "--out", tempDir(), "--json"]);
    expect(r.code).toBe(0);
    const { summary, files } = JSON.parse(r.out);
    expect(summary).toMatchObject({
      documents: 1,
      tableCells: 36,
      markers: 41,
      references: 8,
      works: 7,
      discrepancies: 1,
    });
    expect(files).toHaveLength(5);
  });

  it("-q prints nothing", async () => {
    const r = await run(["build", "--out", tempDir(), "-q"]);
    expect(r).toEqual({ code: 0, out: "", err: "" });
  });

  it("builds the second document (tests/fixtures/sources, no curation) and it validates", async () => {
    const out = tempDir();
    const r = await run([
      "build",
      ...["--sources", "tests/fixtures/sources", "--curation", missingDir(), "--out", out],
      "--json",
    ]);
    expect(r.code).toBe(0);
    // The counts tests/fixtures/sources/README.md documents (works: references 4 and 5 are one).
    expect(JSON.parse(r.out).summary).toMatchObject({
      documents: 1,
      tableCells: 34,
      markers: 45,
      references: 6,
      works: 5,
      curated: 0,
    });
    const v = await run(["validate", "--dir", out]);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/^valid\.$/m);
  });
});

describe("export", () => {
  it.each(FORMATS)("--format $format --out writes what graph/$file holds", async (f) => {
    const target = join(tempDir(), f.file);
    const r = await run(["export", "--format", f.format, "--out", target]);
    expect(r.code).toBe(0);
    expect(sameBytes(target, join("graph", f.file))).toBe(true);
  });

  it("without --out prints the export through the given Io", async () => {
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      const r = await run(["export", "--format", "turtle"]);
      expect(r.code).toBe(0);
      expect(r.out).toBe(readFileSync(join("graph", "kb.ttl"), "utf8"));
    } finally {
      stdout.mockRestore();
    }
  });
});

describe("validate", () => {
  it("graph/ is valid", async () => {
    const r = await run(["validate", "--dir", "graph"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^valid\.$/m);
  });

  it("--json reports ok", async () => {
    const r = await run(["validate", "--dir", "graph", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, mismatches: [] });
  });
});

describe("--help lists every option of each command", () => {
  it.each([
    { argv: ["--help"], names: ["build", "export", "validate", "start", "--version"] },
    {
      argv: ["build", "--help"],
      names: ["--sources", "--curation", "--out", "--base", "--strict", "--json", "-q, --quiet"],
    },
    {
      argv: ["export", "--help"],
      names: [
        "--format",
        "--out",
        "--sources",
        "--curation",
        "--base",
        "--strict",
        "turtle",
        "jsonld",
      ],
    },
    { argv: ["validate", "--help"], names: ["--dir", "--json"] },
    { argv: ["start", "--help"], names: ["Usage: claimgraph start"] },
  ])("$argv", async ({ argv, names }) => {
    const r = await run(argv);
    expect(r.code).toBe(0);
    for (const name of names) expect(r.out).toContain(name);
  });
});
