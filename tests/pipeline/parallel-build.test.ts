// `build --jobs N` (#16.2): the documents read on worker threads give the very files one
// thread gives, from the sources (in process) and from the CLI bundle (dist/extract-worker.js),
// and a bad document is reported the same, located, with nothing written.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/corpus/generate.ts";
import { ROOT } from "../helpers/build.ts";
import { removeTempDirs, run, tempDir } from "../helpers/cli.ts";

const OUTPUTS = ["kb.ttl", "kb.trig", "kb.nq", "kb.jsonld", "kb.manifest.json"];
const CURATION = join(ROOT, "graph", "curation");

/** Generated documents, the seed, the agreement corpus and the second document, in one folder. */
function smallCorpus(): string {
  const sources = join(tempDir(), "sources");
  generateCorpus({ documents: 8, seed: 7, outDir: sources });
  const agreement = join(ROOT, "tests", "fixtures", "agreement");
  const more = readdirSync(agreement)
    .filter((n) => n.endsWith(".md") && n !== "README.md")
    .map((n) => join(agreement, n));
  more.push(join(ROOT, "tests", "fixtures", "sources", "nortriptyline-vs-sertraline.md"));
  for (const file of more) copyFileSync(file, join(sources, file.split("/").at(-1) as string));
  return sources;
}

/** Each output's sha256: equal digests are equal bytes (and a difference prints short). */
function outputs(dir: string): Map<string, string> {
  const digest = (name: string) => createHash("sha256").update(readFileSync(join(dir, name)));
  return new Map(OUTPUTS.map((name) => [name, digest(name).digest("hex")]));
}

function buildArgs(sources: string, curation: string, out: string, jobs: number): string[] {
  return ["build", "--sources", sources, "--curation", curation, "--out", out, "--jobs", `${jobs}`];
}

/** The bundled CLI, as a person runs it. */
function cli(args: readonly string[]) {
  const child = spawnSync(process.execPath, [join(ROOT, "bin", "claimgraph.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { code: child.status, out: child.stdout, err: child.stderr };
}

let sources: string;

beforeAll(() => {
  sources = smallCorpus();
});
afterAll(removeTempDirs);

describe("build --jobs 2", () => {
  it("writes byte for byte the files --jobs 1 writes, from the sources and from the bundle", async () => {
    const one = join(tempDir(), "one");
    const two = join(tempDir(), "two");
    const bundled = join(tempDir(), "bundled");
    expect((await run([...buildArgs(sources, CURATION, one, 1), "-q"])).code).toBe(0);
    expect((await run([...buildArgs(sources, CURATION, two, 2), "-q"])).code).toBe(0);
    const fromBundle = cli([...buildArgs(sources, CURATION, bundled, 2), "-q"]);
    expect(fromBundle.err).toBe("");
    expect(fromBundle.code).toBe(0);
    const expected = outputs(one);
    // Many documents, each with claims: a build that read none would be equal too.
    const manifest = readFileSync(join(one, "kb.manifest.json"), "utf8");
    const { summary } = JSON.parse(manifest);
    expect(summary.documents).toBe(16);
    expect(summary.claims).toBeGreaterThan(400);
    expect(outputs(two)).toEqual(expected);
    expect(outputs(bundled)).toEqual(expected);
  });

  it("reports a bad document's errors as --jobs 1 does, located, and leaves the outputs as they were", async () => {
    const bad = join(tempDir(), "bad");
    generateCorpus({ documents: 5, seed: 11, outDir: bad });
    const [first, second] = readdirSync(bad).filter((n) => n.startsWith("doc-"));
    // A reference number listed twice (found parsing), and a curated quote found nowhere
    // (found reading claims): one of each kind of step, in two documents.
    const broken = join(bad, first as string);
    const text = readFileSync(broken, "utf8");
    writeFileSync(
      broken,
      text.replace("## References\n\n", "## References\n\n1. A second entry one [example.org]\n"),
    );
    const curation = tempDir();
    const rows = readFileSync(join(CURATION, "claims.tsv"), "utf8");
    const id = (second as string).replace(/\.md$/, "");
    writeFileSync(
      join(curation, "claims.tsv"),
      `${rows}${id}\tdesipramine\thasMechanism\tnet-inhibition\tno document says this\t\t\n`,
    );
    const out = join(tempDir(), "out");
    expect((await run(buildArgs(bad, CURATION, out, 2))).code).toBe(1);
    expect(existsSync(out)).toBe(false);
    const good = join(tempDir(), "good");
    generateCorpus({ documents: 3, seed: 11, outDir: good });
    expect((await run([...buildArgs(good, CURATION, out, 2), "-q"])).code).toBe(0);
    const before = outputs(out);

    const serial = await run(buildArgs(bad, curation, out, 1));
    const parallel = await run(buildArgs(bad, curation, out, 2));
    expect(serial.code).toBe(1);
    expect(parallel).toEqual(serial);
    expect(serial.err).toMatch(
      new RegExp(`${first}:\\d+:\\d+: error\\[DuplicateReferenceNumber\\]`),
    );
    expect(serial.err).toMatch(/claims\.tsv:\d+:\d+: error\[\w+\]/);
    expect(outputs(out)).toEqual(before);
  });

  it("takes a whole number of jobs from 1", async () => {
    for (const jobs of ["0", "1.5", "many"]) {
      const r = await run(["build", "--sources", sources, "--jobs", jobs]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`"${jobs}"`);
    }
  });
});
