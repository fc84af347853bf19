// `claimgraph build` after one document changed (#16.1): the build before it stored every
// document's reading, so this one reads the changed document again and reuses the others. Its
// time is judged against the full build's (the same command with --full) by the limit:
// at most 5% of it. The change adds one line feed at the end of the middle document (in name
// order), a new line each round, so its bytes differ and nothing else does.
import { appendFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { verdict } from "./scale-targets.mjs";
import { summarise } from "./stats.mjs";

/** The document each round changes: the middle Markdown file of the corpus, in name order. */
export function changedDocument(corpusDir) {
  const names = readdirSync(corpusDir)
    .filter((name) => name.endsWith(".md"))
    .sort();
  if (names.length === 0) throw new Error(`no Markdown document in ${corpusDir}`);
  return names[Math.floor(names.length / 2)];
}

/**
 * The raw figures, `runs` rounds: each changes the document, then builds as `buildArgs` (a full
 * build's arguments) without --full, printing its summary as JSON to check what it reused.
 */
export function measureIncremental({ node, runs, work, log, corpusDir }, buildArgs) {
  const name = changedDocument(corpusDir);
  const args = [...buildArgs.filter((a) => a !== "--full" && a !== "-q"), "--json"];
  const rounds = [];
  for (let i = 0; i < runs; i++) {
    log(`bench: scale: claimgraph build after ${name} changed, run ${i + 1}/${runs}`);
    appendFileSync(join(corpusDir, name), "\n");
    const r = node(args, { rusage: join(work, "incremental.rusage.json") });
    const { documents } = JSON.parse(r.stdout);
    if (documents.read !== 1)
      throw new Error(`the build read ${documents.read} documents again, not the 1 changed`);
    const usage = r.usage;
    rounds.push({
      ms: r.ms,
      cpuMs: usage ? usage.userMs + usage.systemMs : null,
      maxRssBytes: usage?.maxRssBytes ?? null,
      reused: documents.reused,
    });
  }
  return { document: name, rounds };
}

/** Medians, and the ratios to the full build's wall and CPU time (`build`, from the summary). */
export function summariseIncremental(raw, build, targets) {
  const med = (xs) => summarise(xs).median;
  const ms = med(raw.rounds.map((r) => r.ms));
  const cpuMs = med(raw.rounds.map((r) => r.cpuMs ?? Number.NaN));
  const ratio = ms / build.ms;
  return {
    document: raw.document,
    reused: raw.rounds[0]?.reused ?? null,
    ms,
    cpuMs,
    maxRssBytes: med(raw.rounds.map((r) => r.maxRssBytes ?? Number.NaN)),
    ratio,
    cpuRatio: cpuMs / build.cpuMs,
    verdict: verdict(ratio, targets.incremental),
  };
}
