// Incremental builds (#16.1): a build reuses the readings the last build in its folder kept
// for documents whose bytes, curated rows and lexicon did not change, and writes byte for byte
// what a full build writes — after seeded rounds of random edits, additions and deletions, after
// the store was damaged or forged, and after the curation or the lexicon changed. The file runs
// with a cache folder of its own (the user's readings key), and trusts only stored readings
// sealed under that key: not a forgery, not another key's store.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  appendFileSync,
  chmodSync,
  cpSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/corpus/generate.ts";
import { Random } from "../../scripts/corpus/random.ts";
import { writeBuild } from "../../src/pipeline/pipeline.ts";
import { prepareWithJobs } from "../../src/pipeline/prepare-jobs.ts";
import { READINGS_KEY, ReadingSeal } from "../../src/pipeline/reading-seal.ts";
import { READINGS, READINGS_INDEX, type StoredReadings } from "../../src/pipeline/reading-store.ts";
import { ROOT } from "../helpers/build.ts";
import { removeTempDirs, run, tempDir } from "../helpers/cli.ts";

const FILES = [
  "kb.ttl",
  "kb.trig",
  "kb.nq",
  "kb.jsonld",
  "kb.manifest.json",
  READINGS,
  READINGS_INDEX,
];
const SEED_DOCUMENT = "desipramine-vs-ssris.md";

interface Inputs {
  readonly sources: string;
  readonly curation: string;
  readonly ontology?: string;
}

/** Builds `inputs` into `out` as `claimgraph build` does; returns what was reused and read. */
async function buildInto(
  inputs: Inputs,
  out: string,
  reuse: { full?: boolean; jobs?: number } = {},
): Promise<StoredReadings> {
  const prepared = await prepareWithJobs(inputs, reuse.jobs ?? 1, { outDir: out, ...reuse });
  writeBuild(prepared, out);
  return prepared.readings as StoredReadings;
}

/** Each file of the current generation by sha256: equal digests are equal bytes. */
function files(dir: string): Map<string, string> {
  const sha = (name: string) =>
    createHash("sha256")
      .update(readFileSync(join(dir, "kb.current", name)))
      .digest("hex");
  return new Map(FILES.map((name) => [name, sha(name)]));
}

/** A fresh full build of `inputs` in a new folder; its files. */
async function fullBuild(inputs: Inputs): Promise<Map<string, string>> {
  const out = join(tempDir(), "full");
  await buildInto(inputs, out, { full: true });
  return files(out);
}

function documents(sources: string): string[] {
  return readdirSync(sources)
    .filter((n) => n.endsWith(".md"))
    .sort();
}

/** One round of random changes; returns how many documents a build must read again. */
function change(sources: string, pool: string[], random: Random, round: number): number {
  const present = documents(sources).filter((n) => n !== SEED_DOCUMENT);
  const deleted = random.pick(present);
  rmSync(join(sources, deleted));
  const edited = new Set<string>();
  for (let i = random.int(1, 3); i > 0; i--) {
    const name = random.pick(present.filter((n) => n !== deleted));
    const text = readFileSync(join(sources, name), "utf8");
    const line = `Round ${round} adds this sentence to ${name} (${random.int(0, 1e6)}).\n\n`;
    writeFileSync(join(sources, name), text.replace("## References", `${line}## References`));
    edited.add(name);
  }
  const added = random.int(1, 2);
  for (let i = 0; i < added; i++) {
    const from = pool.shift() as string;
    cpSync(from, join(sources, `added-${round}-${i}.md`));
  }
  return edited.size + added;
}

/** What `forge` does to the reading it forges, and how it seals it. */
type Sealer = (key: string, file: string, piece: Uint8Array) => string;

/**
 * Forges the stored reading of the first document with claims in `dir`'s store: a claim fewer,
 * its index entry's place and sha256 made right and its seal made by `sealWith`.
 */
function forge(dir: string, sealWith: Sealer): void {
  const indexPath = join(dir, "kb.current", READINGS_INDEX);
  const storePath = join(dir, "kb.current", READINGS);
  const index = JSON.parse(readFileSync(indexPath, "utf8"));
  const store = readFileSync(storePath);
  const pieces: Buffer[] = index.pieces.map(([, start, length]: [string, number, number]) =>
    store.subarray(start, start + length),
  );
  const at = pieces.findIndex((p) => deserialize(p).extracted?.claims.length > 0);
  const reading = deserialize(pieces[at] as Buffer);
  reading.extracted.claims.pop();
  pieces[at] = serialize(reading);
  let offset = 0;
  index.pieces = index.pieces.map((entry: [string, number, number, string, string], i: number) => {
    const piece = pieces[i] as Buffer;
    const sha = createHash("sha256").update(piece).digest("hex");
    const seal = i === at ? sealWith(entry[0], reading.document.source.file, piece) : entry[4];
    offset += piece.length;
    return [entry[0], offset - piece.length, piece.length, sha, seal];
  });
  writeFileSync(storePath, Buffer.concat(pieces));
  writeFileSync(indexPath, JSON.stringify(index));
}

/** `files` without the readings index, whose seals differ from one key to another. */
function sealFree(built: Map<string, string>): Map<string, string> {
  return new Map([...built].filter(([name]) => name !== READINGS_INDEX));
}

let inputs: Inputs;
let pool: string[];
/** The folder built incrementally round after round. */
let out: string;
/** This file's own cache folder, where the user's readings key is kept. */
let cache: string;
const savedCache = process.env.CLAIMGRAPH_CACHE_DIR;

beforeAll(() => {
  cache = join(tempDir(), "cache");
  process.env.CLAIMGRAPH_CACHE_DIR = cache;
  const sources = join(tempDir(), "sources");
  generateCorpus({ documents: 10, seed: 16, outDir: sources });
  const extra = join(tempDir(), "pool");
  generateCorpus({ documents: 8, seed: 61, outDir: extra, seedDocument: false });
  pool = documents(extra).map((n) => join(extra, n));
  const curation = join(tempDir(), "curation");
  cpSync(join(ROOT, "graph", "curation"), curation, { recursive: true });
  inputs = { sources, curation };
  out = join(tempDir(), "out");
});
afterAll(() => {
  process.env.CLAIMGRAPH_CACHE_DIR = savedCache;
  removeTempDirs();
});

describe("an incremental build", () => {
  it("writes what a full build writes, after rounds of random edits, additions and deletions", async () => {
    const first = await buildInto(inputs, out);
    expect(first).toMatchObject({ reused: 0, read: 11 });
    expect(files(out)).toEqual(await fullBuild(inputs));
    const random = new Random(16);
    for (let round = 1; round <= 3; round++) {
      const changed = change(inputs.sources, pool, random, round);
      const count = documents(inputs.sources).length;
      const built = await buildInto(inputs, out, { jobs: round === 2 ? 2 : 1 });
      expect(built, `round ${round}`).toMatchObject({ read: changed, reused: count - changed });
      expect(files(out), `round ${round}`).toEqual(await fullBuild(inputs));
    }
    const again = await buildInto(inputs, out);
    expect(again.read).toBe(0);
  });

  it("writes a prepared build's readings once: a second write fails rather than store none", async () => {
    const prepared = await prepareWithJobs(inputs, 1, { outDir: out });
    const twice = join(tempDir(), "twice");
    writeBuild(prepared, twice);
    const stored = statSync(join(twice, "kb.current", READINGS)).size;
    expect(stored).toBeGreaterThan(0);
    expect(() => writeBuild(prepared, twice)).toThrow(/taken already/);
    expect(statSync(join(twice, "kb.current", READINGS)).size).toBe(stored);
  });

  it("reads again a document whose stored reading was damaged or forged, and stays correct", async () => {
    const count = documents(inputs.sources).length;
    const expected = await fullBuild(inputs);
    const store = join(out, "kb.current", READINGS);
    const index = join(out, "kb.current", READINGS_INDEX);
    const bytes = readFileSync(store);
    const middle = bytes.length >> 1;
    bytes[middle] = (bytes[middle] as number) ^ 0x20;
    writeFileSync(store, bytes);
    expect(await buildInto(inputs, out)).toMatchObject({ read: 1, reused: count - 1 });
    expect(files(out)).toEqual(expected);

    // Two pieces swapped, the index rewritten to match: each is another document's reading.
    const found = JSON.parse(readFileSync(index, "utf8"));
    const [a, b] = found.pieces;
    found.pieces[0] = [a[0], ...b.slice(1)];
    found.pieces[1] = [b[0], ...a.slice(1)];
    writeFileSync(index, JSON.stringify(found));
    expect(await buildInto(inputs, out)).toMatchObject({ read: 2, reused: count - 2 });
    expect(files(out)).toEqual(expected);

    for (const junk of ["not json", '{"format":"claimgraph 0.0.0","pieces":[]}']) {
      writeFileSync(index, junk);
      expect(await buildInto(inputs, out)).toMatchObject({ read: count, reused: 0 });
      expect(files(out)).toEqual(expected);
    }
  });

  it("reads again every document when the store is a FIFO or a link, without hanging", async () => {
    const count = documents(inputs.sources).length;
    await buildInto(inputs, out);
    const expected = files(out);
    const store = join(out, "kb.current", READINGS);
    const copy = join(tempDir(), "readings-copy");
    cpSync(store, copy);
    rmSync(store);
    execFileSync("mkfifo", [store]);
    expect(await buildInto(inputs, out)).toMatchObject({ read: count, reused: 0 });
    expect(files(out)).toEqual(expected);

    // A link to a well-formed store (the build's own, copied) is not followed either.
    rmSync(join(out, "kb.current", READINGS));
    symlinkSync(copy, join(out, "kb.current", READINGS));
    expect(await buildInto(inputs, out)).toMatchObject({ read: count, reused: 0 });
    expect(files(out)).toEqual(expected);
  });

  it("deserializes no reading whose seal is not the user's, though its sha256 matches", async () => {
    const count = documents(inputs.sources).length;
    const expected = await fullBuild(inputs);
    expect(await buildInto(inputs, out)).toMatchObject({ read: 0, reused: count });
    // The forger's seal is made under a key of their own: the forged reading is read again.
    const forger = new ReadingSeal(randomBytes(32));
    forge(out, (key, file, piece) => forger.seal(key, file, piece));
    expect(await buildInto(inputs, out)).toMatchObject({ read: 1, reused: count - 1 });
    expect(files(out)).toEqual(expected);
    // Sealed under the user's key, the same forgery would be used: the seal alone kept it out.
    const user = new ReadingSeal(readFileSync(join(cache, READINGS_KEY)));
    forge(out, (key, file, piece) => user.seal(key, file, piece));
    expect(await buildInto(inputs, out)).toMatchObject({ read: 0, reused: count });
    expect(files(out).get("kb.nq")).not.toBe(expected.get("kb.nq"));
    await buildInto(inputs, out, { full: true });
    expect(files(out)).toEqual(expected);
  });

  it("reuses nothing of a store sealed under another key, or under a key removed since", async () => {
    const count = documents(inputs.sources).length;
    const expected = await fullBuild(inputs);
    process.env.CLAIMGRAPH_CACHE_DIR = join(tempDir(), "another-user");
    try {
      expect(await buildInto(inputs, out)).toMatchObject({ read: count, reused: 0 });
      expect(sealFree(files(out))).toEqual(sealFree(expected));
      expect(files(out).get(READINGS_INDEX)).not.toBe(expected.get(READINGS_INDEX));
    } finally {
      process.env.CLAIMGRAPH_CACHE_DIR = cache;
    }
    expect(await buildInto(inputs, out)).toMatchObject({ read: count, reused: 0 });
    expect(files(out)).toEqual(expected);
    rmSync(join(cache, READINGS_KEY));
    expect(await buildInto(inputs, out)).toMatchObject({ read: count, reused: 0 });
    expect(sealFree(files(out))).toEqual(sealFree(expected));
    expect(await buildInto(inputs, out)).toMatchObject({ read: 0, reused: count });
  });

  it("reads again the documents a change of curation or lexicon touches", async () => {
    const count = documents(inputs.sources).length;
    const claims = join(inputs.curation, "claims.tsv");
    const rows = readFileSync(claims, "utf8").trimEnd().split("\n");
    writeFileSync(claims, `${rows.slice(0, -1).join("\n")}\n`);
    expect(await buildInto(inputs, out)).toMatchObject({ read: 1, reused: count - 1 });
    expect(files(out)).toEqual(await fullBuild(inputs));

    const ontology = join(tempDir(), "ontology");
    cpSync(join(ROOT, "ontology"), ontology, { recursive: true });
    appendFileSync(
      join(ontology, "lexicon", "cues.tsv"),
      "# a comment changes the lexicon's bytes\n",
    );
    const changed = { ...inputs, ontology };
    expect(await buildInto(changed, out)).toMatchObject({ read: count, reused: 0 });
    expect(files(out)).toEqual(await fullBuild(changed));
  });

  it("claimgraph build says what it reused, and --full reads every document", async () => {
    const args = ["build", "--sources", inputs.sources, "--curation", inputs.curation];
    const cli = join(tempDir(), "cli");
    const count = documents(inputs.sources).length;
    const first = await run([...args, "--out", cli, "--jobs", "1"]);
    expect(first.out).toContain(`documents read ${count}, reused from the last build 0`);
    const again = await run([...args, "--out", cli, "--json"]);
    expect(JSON.parse(again.out).documents).toEqual({ reused: count, read: 0 });
    const full = await run([...args, "--out", cli, "--json", "--full"]);
    expect(JSON.parse(full.out).documents).toEqual({ reused: 0, read: count });
    expect(full.err).not.toContain("ReadingsKey");
  });

  it("claimgraph build refuses a key file open to others or a link, says so, and reuses nothing", async () => {
    const args = ["build", "--sources", inputs.sources, "--curation", inputs.curation];
    const cli = join(tempDir(), "cli");
    const count = documents(inputs.sources).length;
    const expected = sealFree(await fullBuild(inputs));
    const key = join(cache, READINGS_KEY);
    const spoilers: [string, () => void][] = [
      ["mode 644", () => chmodSync(key, 0o644)],
      [
        "symbolic link",
        () => {
          writeFileSync(`${key}.elsewhere`, randomBytes(32), { mode: 0o600 });
          rmSync(key);
          symlinkSync(`${key}.elsewhere`, key);
        },
      ],
    ];
    for (const [why, spoil] of spoilers) {
      await run([...args, "--out", cli, "--json"]);
      spoil();
      const refused = await run([...args, "--out", cli, "--json"]);
      expect(refused.err, why).toMatch(/warning\[ReadingsKey\]: the readings key .* is not used/);
      expect(refused.err, why).toContain(why);
      expect(JSON.parse(refused.out).documents, why).toEqual({ reused: 0, read: count });
      expect(sealFree(files(cli)), why).toEqual(expected);
      rmSync(key);
      // The refused build's store was sealed under a key of its own: the next one reads again.
      const next = await run([...args, "--out", cli, "--json"]);
      expect(JSON.parse(next.out).documents, why).toEqual({ reused: 0, read: count });
      expect(next.err, why).not.toContain("ReadingsKey");
    }
  });
});
