// Hostile --kb files (issue #6, part 2): deep nesting, huge literals, IRIs with spaces, control
// characters or < > (written or as \u escapes), unknown prefixes, truncated and wrong-format files.
// Each is refused with a diagnostic naming the file, line and column, by openKnowledgeGraph and by
// `trace` and `stats` (exit 1), never with a crash; nothing is cached for it, and the snapshot of a
// good file at the same path is neither served for the bad content nor lost. The limits are those
// of src/rdf/read/guarded-parser.ts and src/graph/load.ts; a few cases also run the bundled CLI in a
// process of its own with a small heap.
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { displayPath } from "../../src/base/display-path.ts";
import { InputError, UsageError } from "../../src/base/errors.ts";
import { MAX_KB_FILE_BYTES, readKnowledgeBaseTexts } from "../../src/graph/load.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { MAX_DOCUMENT_BYTES } from "../../src/pipeline/files.ts";
import {
  MAX_IRI_LENGTH,
  MAX_LITERAL_LENGTH,
  MAX_NESTING_DEPTH,
} from "../../src/rdf/read/guarded-parser.ts";
import { trace } from "../../src/trace/trace.ts";
import { run } from "../helpers/cli.ts";
import { FRESH_GRAPH, FRESH_KB } from "../helpers/fresh-kb.ts";
import { rawRequest, serveKb } from "../helpers/serve.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SEED = FRESH_KB;
const HAND = join(ROOT, "tests", "fixtures", "kb", "hand-written.ttl");
const MiB = 1024 * 1024;
const DEEP = 100_000;

/** Line 1 of most cases; the statement under test is on line 2. */
const P = "@prefix : <http://example.org/> .\n";
/** ":s :p " is six characters: the object of line 2 starts in column 7. */
const S = ":s :p ";
const OBJECT = S.length + 1;
/** An N-Triples subject and predicate: the object starts in column 47. */
const NT = "<http://example.org/s> <http://example.org/p> ";

interface Case {
  readonly name: string;
  /** The file's name: its extension chooses the syntax. */
  readonly file: string;
  readonly content: () => string | Buffer;
  readonly code: string;
  readonly line: number;
  readonly column: number;
}

let made = 0;
const ttl = (name: string, body: string, code: string, line: number, column: number): Case => ({
  name,
  file: `${++made}-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.ttl`,
  content: () => `${P}${body}\n`,
  code,
  line,
  column,
});

const iri = (name: string, written: string, column = OBJECT): Case =>
  ttl(name, `${S}<http://example.org/${written}> .`, "RdfSyntax", 2, column);

const seedText = readFileSync(SEED, "utf8");
/** The seed cut in the middle of a statement: just after a predicate, halfway through. */
const halfSeed = (() => {
  const next = /;\n\s*\S+/g;
  next.lastIndex = Math.floor(seedText.length / 2);
  next.exec(seedText);
  return seedText.slice(0, next.lastIndex);
})();
const halfSeedLines = halfSeed.split("\n");
const trigLines = readFileSync(join(FRESH_GRAPH, "kb.trig"), "utf8").split("\n");
const trigBrace = trigLines.findIndex((l) => l.includes("{"));
const nqFirst = readFileSync(join(FRESH_GRAPH, "kb.nq"), "utf8").split("\n")[0] ?? "";

const NESTING: Case[] = [
  ttl(
    "a collection nested 100,000 deep",
    `${S}${"( ".repeat(DEEP)}${") ".repeat(DEEP)}.`,
    "RdfLimit",
    2,
    OBJECT + 2 * MAX_NESTING_DEPTH,
  ),
  ttl(
    "a blank-node property list nested 100,000 deep",
    `${S}${"[ :p ".repeat(DEEP)}:o ${"] ".repeat(DEEP)}.`,
    "RdfLimit",
    2,
    OBJECT + 5 * MAX_NESTING_DEPTH,
  ),
  ttl(
    "a collection nested 100,000 deep and never closed",
    `${S}${"(".repeat(DEEP)}`,
    "RdfLimit",
    2,
    OBJECT + MAX_NESTING_DEPTH,
  ),
  {
    name: "triple terms nested 100,000 deep (N-Triples 1.2)",
    file: "triple-terms.nt",
    content: () => {
      const level = "<<( <http://example.org/s> <http://example.org/p> ";
      return `${NT}${level.repeat(DEEP)}<http://example.org/o>${" )>>".repeat(DEEP)} .\n`;
    },
    code: "RdfLimit",
    line: 1,
    column: NT.length + 1 + 50 * MAX_NESTING_DEPTH,
  },
];

const LITERALS: Case[] = [
  ttl("a literal of 50 MiB", `${S}"${"a".repeat(50 * MiB)}" .`, "RdfLimit", 2, OBJECT),
  ttl(
    "a literal of 20 MiB written as escapes",
    `${S}"${"\\n".repeat(10 * MiB)}" .`,
    "RdfLimit",
    2,
    OBJECT,
  ),
  ttl(
    'a """ literal of 20 MiB over ten million lines',
    `${S}"""${"a\n".repeat(10 * MiB)}""" .`,
    "RdfLimit",
    2,
    OBJECT,
  ),
  ttl("a literal of 50 MiB never closed", `${S}"${"a".repeat(50 * MiB)}`, "RdfLimit", 2, OBJECT),
  // n3 would copy the 24 MiB up to the next quote and split it into lines to find this out.
  ttl(
    "a literal broken by a line break, 24 MiB before the next quote",
    `${S}"a\\tb\n${"# a comment\n".repeat(2 * MiB)}${S}"x" .`,
    "RdfSyntax",
    2,
    OBJECT,
  ),
];

const IRIS: Case[] = [
  iri("an IRI with a space", "a b"),
  iri("an IRI with U+0001", "a\u0001b"),
  iri("an IRI with a tab", "a\tb"),
  iri("an IRI with a line break", "a\nb"),
  iri("an IRI with < inside", "a<b"),
  // The IRI ends at the first ">", so what follows it is the error.
  iri("an IRI with > inside", "a>b", OBJECT + "<http://example.org/a>".length),
  iri("an IRI with \\u0020 (a space)", "a\\u0020b"),
  iri("an IRI with \\u0001", "a\\u0001b"),
  iri("an IRI with \\u0009 (a tab)", "a\\u0009b"),
  iri("an IRI with \\U0000000A (a line break)", "a\\U0000000Ab"),
  iri("an IRI with \\u003C (<)", "a\\u003Cb"),
  iri("an IRI with \\u003E (>)", "a\\u003Eb"),
  // n3 accepts the next ones; claimgraph does not (RFC 3987).
  iri("an IRI with \\u007F (DEL)", "a\\u007Fb"),
  iri("an IRI with U+0085 (a C1 control)", "a\u0085b"),
  iri("an IRI with U+FFFE (a noncharacter)", "a\uFFFEb"),
  iri("an IRI with U+202E (right-to-left override)", "a\u202Eb"),
  iri("an IRI with \\u202E (right-to-left override)", "a\\u202Eb"),
  iri("an IRI with a % not followed by two hex digits", "a%zzb"),
  ttl("a relative IRI with no @base", `${S}<a> .`, "RdfSyntax", 2, OBJECT),
  ttl("a prefixed name that expands to U+FFF0", `${S}:a\uFFF0 .`, "RdfSyntax", 2, OBJECT),
  ttl(
    "an IRI with a space, first on the line after a statement",
    `${S}:o .\n<http://example.org/a b> :p :o .`,
    "RdfSyntax",
    3,
    1,
  ),
  {
    name: "an IRI with a space in N-Triples",
    file: "space.nt",
    content: () => `${NT}<http://example.org/a b> .\n`,
    code: "RdfSyntax",
    line: 1,
    column: NT.length + 1,
  },
  {
    name: "a graph IRI with \\u0020 in N-Quads",
    file: "space.nq",
    content: () => `${NT}<http://example.org/o> <http://example.org/g\\u0020> .\n`,
    code: "RdfSyntax",
    line: 1,
    column: NT.length + "<http://example.org/o> ".length + 1,
  },
  ttl(
    `an IRI longer than MAX_IRI_LENGTH`,
    `${S}<http://example.org/${"a".repeat(MAX_IRI_LENGTH)}> .`,
    "RdfLimit",
    2,
    OBJECT,
  ),
];

const PREFIXES: Case[] = [
  ttl("an unknown prefix foo:bar", `${S}foo:bar .`, "RdfSyntax", 2, OBJECT),
  ttl("an unknown prefix as the subject", `\nfoo:bar :p :o .`, "RdfSyntax", 3, 1),
];

const TRUNCATED: Case[] = [
  {
    name: "the seed cut halfway, after a predicate",
    file: "half-seed.ttl",
    content: () => halfSeed,
    code: "RdfSyntax",
    line: halfSeedLines.length,
    column: (halfSeedLines.at(-1) ?? "").length + 1,
  },
  {
    name: "a statement cut after its predicate",
    file: "cut-predicate.ttl",
    content: () => `${P}${S.trimEnd()}`,
    code: "RdfSyntax",
    line: 2,
    column: S.length,
  },
  {
    name: "a statement cut inside a literal",
    file: "cut-literal.ttl",
    content: () => `${P}${S}"imipr`,
    code: "RdfSyntax",
    line: 2,
    column: OBJECT,
  },
  {
    name: "a statement cut inside an IRI",
    file: "cut-iri.ttl",
    content: () => `${P}${S}<http://exa`,
    code: "RdfSyntax",
    line: 2,
    column: OBJECT,
  },
  {
    name: "a TriG graph never closed",
    file: "unclosed.trig",
    content: () => `${P}:g {\n${S}:o .\n`,
    code: "RdfSyntax",
    line: 4,
    column: 1,
  },
];

const WRONG_FORMAT: Case[] = [
  {
    name: "JSON named .ttl",
    file: "json.ttl",
    content: () => '{"@context": {"cg": "https://w3id.org/claimgraph/vocab#"}, "@id": "cg:x"}\n',
    code: "RdfSyntax",
    line: 1,
    column: 1,
  },
  {
    name: "the JSON-LD export named .ttl",
    file: "jsonld-export.ttl",
    content: () => readFileSync(join(FRESH_GRAPH, "kb.jsonld")),
    code: "RdfSyntax",
    line: 1,
    column: 1,
  },
  {
    name: "the TriG export named .ttl",
    file: "trig-export.ttl",
    content: () => readFileSync(join(FRESH_GRAPH, "kb.trig")),
    code: "RdfSyntax",
    line: trigBrace + 1,
    column: (trigLines[trigBrace] ?? "").indexOf("{") + 1,
  },
  {
    name: "the N-Quads export named .nt",
    file: "nquads-export.nt",
    content: () => readFileSync(join(FRESH_GRAPH, "kb.nq")),
    code: "RdfSyntax",
    line: 1,
    column: nqFirst.lastIndexOf(" <") + 2,
  },
  {
    name: "the Turtle export named .nt",
    file: "turtle-export.nt",
    content: () => seedText,
    code: "RdfSyntax",
    line: 1,
    column: 1,
  },
  {
    name: "the Turtle export gzipped (binary, NUL bytes)",
    file: "gzipped.ttl",
    content: () => gzipSync(seedText),
    code: "BinaryInput",
    line: 1,
    column: 1,
  },
  {
    name: "a NUL byte in a literal",
    file: "nul.ttl",
    content: () => `${P}${S}"a\u0000b" .\n`,
    code: "BinaryInput",
    line: 1,
    column: 1,
  },
  {
    name: "Latin-1 text (invalid UTF-8)",
    file: "latin1.ttl",
    content: () => Buffer.from(`${P}${S}"café" .\n`, "latin1"),
    code: "InvalidUtf8",
    line: 2,
    column: `${S}"caf`.length + 1,
  },
];

const CASES: Case[] = [
  ...NESTING,
  ...LITERALS,
  ...IRIS,
  ...PREFIXES,
  ...TRUNCATED,
  ...WRONG_FORMAT,
];

const scratch = mkdtempSync(join(tmpdir(), "claimgraph-hostile-kb-"));
const hostile = join(scratch, "hostile");
/** Larger than MAX_KB_FILE_BYTES, but sparse: it takes no disk space and is never read. */
const TOO_LARGE = join(hostile, "too-large.ttl");
const path = (c: Case) => join(hostile, c.file);

const savedCacheDir = process.env.CLAIMGRAPH_CACHE_DIR;
let cacheDir: string;
let n = 0;

beforeAll(() => {
  mkdirSync(hostile);
  for (const c of CASES) writeFileSync(path(c), c.content());
  writeFileSync(TOO_LARGE, "");
  truncateSync(TOO_LARGE, MAX_KB_FILE_BYTES + 1);
});

beforeEach(() => {
  cacheDir = join(scratch, `cache-${n++}`);
  process.env.CLAIMGRAPH_CACHE_DIR = cacheDir;
});

afterAll(() => {
  if (savedCacheDir === undefined) delete process.env.CLAIMGRAPH_CACHE_DIR;
  else process.env.CLAIMGRAPH_CACHE_DIR = savedCacheDir;
  rmSync(scratch, { recursive: true, force: true });
});

const snapshots = () =>
  existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => f.endsWith(".snapshot")) : [];

/** The diagnostic line every command prints for the case, as compilers print them. */
const located = (file: string, line: number, column: number, code: string) =>
  `${displayPath(file)}:${line}:${column}: error[${code}]`;

async function expectRefused(files: string[], c: Pick<Case, "code" | "line" | "column">) {
  const error = await openKnowledgeGraph(files).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).name).toBe("InputError");
  expect((error as InputError).diagnostics).toEqual([
    expect.objectContaining({
      code: c.code,
      severity: "error",
      file: displayPath(files.at(-1) as string),
      line: c.line,
      column: c.column,
    }),
  ]);
  expect(snapshots()).toEqual([]);
}

async function expectCliRefuses(file: string, c: Pick<Case, "code" | "line" | "column">) {
  for (const argv of [
    ["trace", "desipramine"],
    ["stats"],
    // query loads the files into oxigraph, push groups them for a store: both read them
    // with the same checks first (push fails before it would reach its store).
    ["query", "ASK {}"],
    ["push", "--endpoint", "http://127.0.0.1:9/sparql"],
  ]) {
    const r = await run([...argv, "--kb", file]);
    expect(r.code, r.err).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain(located(file, c.line, c.column, c.code));
    expect(r.err).toMatch(/\n {2}hint: \S/);
    expect(r.err).not.toMatch(/internal error|RangeError|call stack|heap/i);
    // The offending input is quoted cut short: a 50 MiB literal is not printed back.
    expect(r.err.length).toBeLessThan(2000);
  }
  expect(snapshots()).toEqual([]);
}

describe.each([
  ["deep nesting", NESTING],
  ["huge literals", LITERALS],
  ["IRIs", IRIS],
  ["unknown prefixes", PREFIXES],
  ["truncated files", TRUNCATED],
  ["wrong-format files", WRONG_FORMAT],
])("%s", (_, cases) => {
  it.each(cases)("$name: openKnowledgeGraph refuses it at its line and column", async (c) => {
    await expectRefused([path(c)], c);
  });

  it.each(cases)(
    "$name: `trace`, `stats`, `query` and `push` exit 1 at the same place",
    async (c) => {
      await expectCliRefuses(path(c), c);
    },
  );
});

describe("a file larger than MAX_KB_FILE_BYTES", () => {
  const c = { code: "RdfLimit", line: 1, column: 1 };

  it("is refused before it is read", async () => {
    await expectRefused([TOO_LARGE], c);
    await expectCliRefuses(TOO_LARGE, c);
  });
});

describe("a --kb that is not a file", () => {
  it.each([
    ["a folder", () => join(scratch, "folder.ttl")],
    ["a missing file", () => join(scratch, "missing.ttl")],
  ])("%s is a UsageError (exit 2)", async (_, make) => {
    const file = make();
    if (file.includes("folder")) mkdirSync(file, { recursive: true });
    const error = await openKnowledgeGraph([file]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain(file);
    const r = await run(["trace", "desipramine", "--kb", file]);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain(file);
    expect(r.err).not.toMatch(/internal error/);
  });
});

describe("nothing is half-loaded", () => {
  it("a hostile file beside the seed stops the whole load: no graph, no snapshot", async () => {
    const deep = NESTING[0] as Case;
    await expectRefused([SEED, path(deep)], deep);
    const r = await run(["trace", "desipramine", "--kb", SEED, "--kb", path(deep)]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain(located(path(deep), deep.line, deep.column, deep.code));
  });

  it("a cached good file overwritten by a hostile one of the same size is refused, not served from the snapshot; restored, it is served from that snapshot again", async () => {
    const file = join(scratch, "swapped.ttl");
    const good = readFileSync(HAND);
    // A fixed modification time, so restoring the file restores its identity exactly.
    const when = 1_700_000_000;
    writeFileSync(file, good);
    utimesSync(file, when, when);
    expect(trace(await openKnowledgeGraph([file]), "imipramine").match).toBe("entity");
    const cached = snapshots();
    expect(cached).toHaveLength(1);

    // The same number of bytes: nesting past the limit, padded with a comment.
    const head = `${P}${S}${"( ".repeat(MAX_NESTING_DEPTH + 1)}\n#`;
    const bad = `${head}${"x".repeat(good.length - head.length)}`;
    expect(Buffer.byteLength(bad)).toBe(good.length);
    writeFileSync(file, bad);
    const c = { code: "RdfLimit", line: 2, column: OBJECT + 2 * MAX_NESTING_DEPTH };
    const error = await openKnowledgeGraph([file]).catch((e: unknown) => e);
    expect((error as InputError).diagnostics).toEqual([expect.objectContaining(c)]);
    const r = await run(["trace", "imipramine", "--kb", file]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain(located(file, c.line, c.column, c.code));
    // The good version's snapshot is still there, and no other was written.
    expect(snapshots()).toEqual(cached);

    writeFileSync(file, good);
    utimesSync(file, when, when);
    expect(trace(await openKnowledgeGraph([file]), "imipramine").match).toBe("entity");
    expect(snapshots()).toEqual(cached);
    const back = await run(["trace", "imipramine", "--kb", file]);
    expect(back.code, back.err).toBe(0);
    expect(back.out).toContain("imipramine");
  });
});

describe("`serve`", () => {
  it("keeps the graph it loaded when the file turns hostile; the download then refuses the file", async () => {
    const file = join(scratch, "served.trig");
    copyFileSync(join(FRESH_GRAPH, "kb.trig"), file);
    const server = await serveKb([file]);
    try {
      const deep = `${P}${S}${"[ :p ".repeat(DEEP)}`;
      writeFileSync(file, deep);
      const search = await rawRequest(server.url, "/api/search?q=desipramine");
      expect(search.status).toBe(200);
      expect(JSON.parse(search.body).hits.length).toBeGreaterThan(0);
      const download = await rawRequest(server.url, "/kb/kb.ttl");
      // 409: the server is fine, the file on disk no longer reads; the answer says where.
      expect(download.status).toBe(409);
      expect(download.body).toMatch(/^the knowledge base files no longer read:\n/);
      expect(download.body).toContain(located(file, 2, OBJECT + 5 * MAX_NESTING_DEPTH, "RdfLimit"));
      expect((await rawRequest(server.url, "/api/view")).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe("the limits", () => {
  const parse = (name: string, text: string) => readKnowledgeBaseTexts([name], [text]);
  const refusal = (name: string, text: string) => {
    try {
      parse(name, text);
    } catch (error) {
      return (error as InputError).diagnostics[0];
    }
    return undefined;
  };

  it("nesting of MAX_NESTING_DEPTH levels loads; one more level does not", () => {
    const nested = (depth: number) => `${P}${S}${"( ".repeat(depth)}${") ".repeat(depth)}.\n`;
    expect(parse("a.ttl", nested(MAX_NESTING_DEPTH)).quads.length).toBe(2 * MAX_NESTING_DEPTH - 1);
    expect(refusal("a.ttl", nested(MAX_NESTING_DEPTH + 1))?.code).toBe("RdfLimit");
  });

  it("a literal of MAX_LITERAL_LENGTH characters as written loads, escaped or not; one more does not", () => {
    const plain = (length: number) => `${P}${S}"${"a".repeat(length)}" .\n`;
    const escaped = (length: number) => `${P}${S}"${"\\t".repeat(length / 2)}" .\n`;
    const longQuoted = (length: number) => `${P}${S}"""${"a\n".repeat(length / 2)}""" .\n`;
    for (const literal of [plain, escaped, longQuoted]) {
      const loaded = parse("a.ttl", literal(MAX_LITERAL_LENGTH)).quads[0]?.object.value;
      expect(loaded?.length).toBeGreaterThanOrEqual(MAX_LITERAL_LENGTH / 2);
      expect(refusal("a.ttl", literal(MAX_LITERAL_LENGTH + 2))).toMatchObject({
        code: "RdfLimit",
        line: 2,
        column: OBJECT,
      });
    }
  });

  it("MAX_LITERAL_LENGTH holds the text of the largest document a build accepts, escaped", () => {
    expect(MAX_LITERAL_LENGTH).toBeGreaterThanOrEqual(2 * MAX_DOCUMENT_BYTES);
  });

  it("an IRI of MAX_IRI_LENGTH characters loads; one more does not", () => {
    const long = (length: number) => `${P}${S}<http://example.org/${"a".repeat(length - 19)}> .\n`;
    expect(parse("a.ttl", long(MAX_IRI_LENGTH)).quads[0]?.object.value).toHaveLength(
      MAX_IRI_LENGTH,
    );
    expect(refusal("a.ttl", long(MAX_IRI_LENGTH + 1))?.code).toBe("RdfLimit");
  });
});

describe("IRIs that are valid", () => {
  it.each([
    ["percent-encoded", "<http://example.org/caf%C3%A9>", "http://example.org/caf%C3%A9"],
    ["with non-ASCII letters", "<http://example.org/café>", "http://example.org/café"],
    ["with an astral character", "<http://example.org/\u{1F600}>", "http://example.org/\u{1F600}"],
    ["with a \\u escape of a letter", "<http://example.org/caf\\u00E9>", "http://example.org/café"],
    ["a URN", "<urn:isbn:0451450523>", "urn:isbn:0451450523"],
    ["with an IPv6 host", "<http://[::1]:8080/a>", "http://[::1]:8080/a"],
    [
      "with query and fragment",
      "<http://example.org/a?q=1&b=2#f>",
      "http://example.org/a?q=1&b=2#f",
    ],
    ["a prefixed name with escapes", ":a\\~b\\,c", "http://example.org/a~b,c"],
    ["a prefixed name with a percent-encoding", ":a%20b", "http://example.org/a%20b"],
  ])("%s loads", (_, written, value) => {
    const { quads } = readKnowledgeBaseTexts(["a.ttl"], [`${P}${S}${written} .\n`]);
    expect(quads[0]?.object.value).toBe(value);
  });

  it("relative IRIs load under an @base", () => {
    const text = `@base <http://example.org/kb/> .\n<a> <p> <../b#c> .\n`;
    const [q] = readKnowledgeBaseTexts(["a.ttl"], [text]).quads;
    expect([q?.subject.value, q?.object.value]).toEqual([
      "http://example.org/kb/a",
      "http://example.org/b#c",
    ]);
  });
});

/** RFC 3987, section 4.1: LRM, RLM, LRE, RLE, PDF, LRO, RLO; and the later isolates. */
const BIDI_FORMATTING = new Set([
  0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
]);

/** Whether every character of `iri` may stand in an RFC 3987 IRI, and every "%" is encoding. */
function iriCharacters(iri: string): boolean {
  for (const ch of iri) {
    const cp = ch.codePointAt(0) ?? 0;
    const ok =
      /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/.test(ch) ||
      (cp >= 0xa0 && cp <= 0xd7ff && !BIDI_FORMATTING.has(cp)) ||
      (cp >= 0xe000 && cp <= 0xfdcf) ||
      (cp >= 0xfdf0 && cp <= 0xffef) ||
      (cp >= 0x10000 && (cp & 0xfffe) !== 0xfffe && !(cp >= 0xe0000 && cp <= 0xe0fff));
    if (!ok) return false;
  }
  return !/%(?![0-9A-Fa-f]{2})/.test(iri);
}

describe("any IRI", () => {
  // What a file can hold: characters (as UTF-8 decodes them) and \u or \U escapes of any code point.
  const piece = fc.oneof(
    fc.string({ unit: "binary", maxLength: 3 }).map((s) => Buffer.from(s).toString()),
    fc
      .integer({ min: 0, max: 0x10ffff })
      .map((cp) =>
        cp <= 0xffff
          ? `\\u${cp.toString(16).padStart(4, "0")}`
          : `\\U${cp.toString(16).padStart(8, "0")}`,
      ),
  );

  it("either loads as a valid IRI or is refused at its own place, never a crash", () => {
    // Both outcomes are checked, and both must occur: a run where every IRI loaded (or every
    // one was refused) would check only half of what the test is for.
    const seen = { loaded: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const text = `${P}${S}<http://example.org/${pieces.join("")}> .\n`;
        let quads: ReturnType<typeof readKnowledgeBaseTexts>["quads"] | undefined;
        let refusal: unknown;
        try {
          quads = readKnowledgeBaseTexts(["a.ttl"], [text]).quads;
        } catch (error) {
          refusal = error;
        }
        if (quads === undefined) {
          seen.refused++;
          expect(refusal).toBeInstanceOf(InputError);
          const [d] = (refusal as InputError).diagnostics;
          expect(d?.code).toBe("RdfSyntax");
          // The statement's own lines: line 2, or later ones when the IRI holds a line break.
          const lines = text.split(/\r\n?|\n/).length - 1;
          expect(d?.line).toBeGreaterThanOrEqual(2);
          expect(d?.line).toBeLessThanOrEqual(lines);
          if (d?.line === 2) expect(d.column).toBeGreaterThanOrEqual(OBJECT);
        } else {
          seen.loaded++;
          expect(quads).toHaveLength(1);
          for (const q of quads) {
            for (const t of [q.subject, q.predicate, q.object]) {
              if (t.termType === "NamedNode") expect(iriCharacters(t.value), t.value).toBe(true);
            }
          }
        }
      }),
      { numRuns: 2000, seed: 6 },
    );
    expect(seen.loaded).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(100);
  });
});

describe("the bundled CLI, in a process of its own with a 256 MB heap", () => {
  const BIN = join(ROOT, "bin", "claimgraph.js");
  const picked = [
    NESTING[0],
    NESTING[1],
    LITERALS[0],
    LITERALS[1],
    LITERALS[2],
    WRONG_FORMAT[5],
  ] as Case[];

  it.each(picked)("$name: exit 1 with the located diagnostic", (c) => {
    expect(
      existsSync(join(ROOT, "dist", "main.js")),
      "dist/main.js is missing: run `npm run build:cli` (npm test does)",
    ).toBe(true);
    const r = spawnSync(
      process.execPath,
      ["--max-old-space-size=256", BIN, "trace", "desipramine", "--kb", path(c)],
      {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, CLAIMGRAPH_CACHE_DIR: join(scratch, "spawned-cache") },
      },
    );
    expect(r.signal, r.stderr).toBeNull();
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(located(path(c), c.line, c.column, c.code));
    expect(existsSync(join(scratch, "spawned-cache"))).toBe(false);
  });
});
