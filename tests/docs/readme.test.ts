// README.md true to the code (#14): its shell blocks run in a fresh copy of the project, its
// transcripts ("$ command" and what it prints) match what the command prints, every SPARQL
// example answers at least one row from the built knowledge base, every option it names for a
// command is in that command's --help, and its store addresses use the port
// scripts/virtuoso/start.sh starts Virtuoso on. Blocks that cannot run here carry
// `<!-- readme-test: skip: REASON -->` and are reported. Generic over the README: a section
// added later is held to the same. UPDATE_GOLDEN=1 rewrites the transcripts from the real output.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PORT } from "../../src/cli/commands/serve.ts";
import {
  type Block,
  codeSpans,
  fencedBlocks,
  isPattern,
  isShell,
  isTranscript,
  localCommand,
  prose,
  queriesInShell,
  skipReason,
  transcriptSteps,
  usageOf,
} from "./readme-parts.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const README = join(ROOT, "README.md");
const markdown = readFileSync(README, "utf8");
const blocks = fencedBlocks(markdown);
const runnable = blocks.filter((b) => skipReason(b) === undefined);
const where = (b: Block) => `README.md:${b.line}`;
/** A command that has not exited by then is waiting for something a test cannot give it. */
const HANG_MS = 120_000;

let copy = "";
let env: NodeJS.ProcessEnv = {};

/** Runs `script` with bash in the copy, `claimgraph` being the copy's own bin. */
function sh(script: string) {
  const r = spawnSync("bash", ["-euo", "pipefail", "-c", localCommand(script)], {
    cwd: copy,
    env,
    encoding: "utf8",
    timeout: HANG_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const hung = r.error ? ` (${r.error.message}: mark the block <!-- readme-test: skip: … -->)` : "";
  return { ...r, why: `${script}\nexit ${r.status}${hung}\n${r.stderr}` };
}

beforeAll(() => {
  // The project as a user has it after `npm ci`: sources and curation copied, the rest linked.
  copy = mkdtempSync(join(tmpdir(), "claimgraph-readme-"));
  mkdirSync(join(copy, "graph"));
  for (const dir of ["sources", "curation"]) {
    cpSync(join(ROOT, "graph", dir), join(copy, "graph", dir), { recursive: true });
  }
  cpSync(join(ROOT, "bin"), join(copy, "bin"), { recursive: true });
  cpSync(join(ROOT, "package.json"), join(copy, "package.json"));
  for (const linked of ["dist", "node_modules", "ontology", "scripts", "tests", "docs"]) {
    symlinkSync(join(ROOT, linked), join(copy, linked));
  }
  env = { ...process.env, NO_COLOR: "1", CLAIMGRAPH_CACHE_DIR: join(copy, ".cache") };
  const built = sh("claimgraph build -q");
  expect(built.status, built.why).toBe(0);
}, HANG_MS);

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe("README.md's blocks", () => {
  it("annotates only with what the test knows, and says why each block is not run", () => {
    const skipped = blocks.flatMap((b) => {
      const reason = skipReason(b);
      return reason === undefined ? [] : [`${where(b)} (${b.lang || "text"}): ${reason}`];
    });
    console.info(`README blocks not run (${skipped.length}):\n  ${skipped.join("\n  ")}`);
    for (const line of skipped) expect(line).toMatch(/: \S.{9,}$/);
    expect(runnable.filter(isShell).length).toBeGreaterThan(0);
  });

  it.each(runnable.filter(isShell).map((b) => [where(b), b] as const))(
    "the shell block at %s runs in a fresh copy",
    (_, block) => {
      const r = sh(block.lines.join("\n"));
      expect(r.status, r.why).toBe(0);
    },
    HANG_MS,
  );

  it.each(runnable.filter(isTranscript).map((b) => [where(b), b] as const))(
    "the transcript at %s is what the commands print",
    (_, block) => {
      const actual = transcriptSteps(block).flatMap(({ command }) => {
        const r = sh(command);
        expect(r.status, r.why).toBe(0);
        return [`$ ${command}`, ...trimmed(r.stdout)];
      });
      if (process.env.UPDATE_GOLDEN === "1") rewriteBlock(block, actual);
      else expect(trimmed(block.lines.join("\n"))).toEqual(actual);
    },
    HANG_MS,
  );
});

/** Lines without trailing white space, and without the blank lines at the end. */
function trimmed(text: string): string[] {
  const lines = text.split("\n").map((l) => l.trimEnd());
  while (lines.at(-1) === "") lines.pop();
  return lines;
}

const FENCE = "```";

/** Puts `lines` in place of the block's text (found by its text: an earlier rewrite moves lines). */
function rewriteBlock(block: Block, lines: readonly string[]): void {
  const text = readFileSync(README, "utf8");
  const fence = `${FENCE}${block.lang}`;
  const old = `${fence}\n${block.lines.join("\n")}\n${FENCE}`;
  if (!text.includes(old)) throw new Error(`${where(block)}: the block changed while rewriting`);
  writeFileSync(
    README,
    text.replace(old, () => `${fence}\n${lines.join("\n")}\n\`\`\``),
  );
}

/** Every SPARQL example: in shell blocks (run or not), sparql blocks, and inline patterns. */
const QUERIES: readonly (readonly [string, string])[] = [
  ...blocks.filter(isShell).flatMap((b) => queriesInShell(b).map((q) => [where(b), q] as const)),
  ...blocks.filter((b) => b.lang === "sparql").map((b) => [where(b), b.lines.join("\n")] as const),
  ...codeSpans(prose(markdown))
    .filter(isPattern)
    .map((p) => ["an inline pattern", `SELECT * WHERE { ${p} }`] as const),
];

describe("README.md's SPARQL examples", () => {
  it("has some, the claim's quote path among them", () => {
    expect(QUERIES.map(([, q]) => q).join("\n")).toContain("cg:quote/oa:hasSelector/oa:exact");
  });

  it.each(QUERIES)("%s: %s answers at least one row from the built knowledge base", (_, query) => {
    const r = spawnSync(
      process.execPath,
      ["bin/claimgraph.js", "query", "--format", "json", query],
      {
        cwd: copy,
        env,
        encoding: "utf8",
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const answer = JSON.parse(r.stdout);
    const rows =
      answer.boolean === undefined ? answer.results.bindings.length : Number(answer.boolean);
    expect(rows, `no answer to ${query}`).toBeGreaterThan(0);
  });
});

describe("README.md's options", () => {
  const help = spawnSync(process.execPath, [join(ROOT, "bin", "claimgraph.js"), "--help"], {
    encoding: "utf8",
  }).stdout;
  const commands = new Set(
    [...help.matchAll(/^ {2}([a-z]+) \[options\]/gm)].map((m) => m[1] as string),
  );
  const shellLines = blocks.filter(isShell).flatMap((b) => b.lines);
  const usages = [...codeSpans(prose(markdown)), ...shellLines].flatMap((text) => {
    const usage = usageOf(text, commands);
    return usage ? usage.options.map((option) => [usage.command, option] as const) : [];
  });
  const named = [...new Set(usages.map(([c, o]) => `${c} ${o}`))].map((s) => s.split(" "));

  it("knows the commands and finds the options the README names", () => {
    expect(commands).toContain("query");
    expect(named.length).toBeGreaterThan(40);
  });

  const helps = new Map<string, string>();
  const helpOf = (command: string) => {
    const bin = join(ROOT, "bin", "claimgraph.js");
    if (!helps.has(command)) {
      helps.set(
        command,
        spawnSync(process.execPath, [bin, command, "--help"], { encoding: "utf8" }).stdout,
      );
    }
    return helps.get(command) as string;
  };

  it.each([...commands].filter((c) => c !== "help"))(
    "names every option of `claimgraph %s --help`",
    (command) => {
      const inHelp = new Set(helpOf(command).match(/--[a-z][a-z-]*/g));
      inHelp.delete("--help");
      const inReadme = new Set(named.filter(([c]) => c === command).map(([, o]) => o));
      expect([...inHelp].filter((o) => !inReadme.has(o as string))).toEqual([]);
    },
  );

  it.each(named)("`claimgraph %s --help` lists %s", (command, option) => {
    expect(helpOf(command as string)).toMatch(new RegExp(`(^|[\\s,\\[])${option}\\b`, "m"));
  });
});

describe("README.md's store addresses", () => {
  it("use the port scripts/virtuoso/start.sh starts Virtuoso on", () => {
    const script = readFileSync(join(ROOT, "scripts", "virtuoso", "start.sh"), "utf8");
    const port = /VIRTUOSO_HTTP_PORT:-(\d+)/.exec(script)?.[1];
    expect(port).toBeDefined();
    const ports = [
      ...markdown.matchAll(
        /(?:--endpoint |--graph-store |endpoint=)https?:\/\/(?:127\.0\.0\.1|localhost):(\d+)\//g,
      ),
    ].map((m) => m[1]);
    expect(ports.length).toBeGreaterThan(0);
    expect(new Set(ports)).toEqual(new Set([port]));
  });

  it("are either the store's or serve's default port, whose /sparql is the viewer's endpoint", () => {
    const script = readFileSync(join(ROOT, "scripts", "virtuoso", "start.sh"), "utf8");
    const store = /VIRTUOSO_HTTP_PORT:-(\d+)/.exec(script)?.[1];
    const ports = [...markdown.matchAll(/\/\/(?:127\.0\.0\.1|localhost):(\d+)\/sparql/g)].map(
      (m) => m[1],
    );
    expect(new Set(ports)).toEqual(new Set([store, String(DEFAULT_PORT)]));
  });
});
