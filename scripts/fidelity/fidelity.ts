/**
 * The measurement as data: for each set (the corpus, the seed, the seed with curation),
 * the score over its documents, with the build's errors and the gold files' problems.
 */
import type { Diagnostic } from "../../src/base/errors.ts";
import {
  buildDocument,
  CORPUS_DIR,
  type CorpusDocument,
  corpusDocuments,
  readGold,
  seedDocument,
} from "./corpus.ts";
import type { GoldProblem } from "./gold.ts";
import { addScores, type Score, score } from "./match.ts";
import { observedRows } from "./observed.ts";

export const SETS = ["corpus", "seed", "seed+curation"] as const;
export type SetName = (typeof SETS)[number];

export interface Fidelity {
  readonly documents: readonly string[];
  readonly sets: Readonly<Record<SetName, Score>>;
  /** Build errors: a corpus document that does not build scores nothing observed. */
  readonly buildErrors: readonly Diagnostic[];
  readonly problems: readonly GoldProblem[];
}

/** `dir` holds the documents scored as the corpus; the seed's gold stays with the corpus's. */
export function fidelity(dir = CORPUS_DIR): Fidelity {
  const corpus = corpusDocuments(dir);
  const seed = seedDocument();
  const problems: GoldProblem[] = [];
  const buildErrors: Diagnostic[] = [];
  const measure = (docs: readonly CorpusDocument[], curated: boolean): Score => {
    let total: Score | undefined;
    for (const doc of docs) {
      const gold = readGold(doc);
      problems.push(...gold.problems);
      const built = buildDocument(doc, curated);
      buildErrors.push(...built.diagnostics.filter((d) => d.severity === "error"));
      const s = score(gold.rows, built.kb ? observedRows(built.kb) : []);
      total = total ? addScores(total, s) : s;
    }
    return total ?? score([], []);
  };
  const sets = {
    corpus: measure(corpus, false),
    seed: measure([seed], false),
    "seed+curation": measure([seed], true),
  };
  return {
    documents: [...corpus.map((d) => d.id), seed.id],
    sets,
    buildErrors,
    problems: dedupe(problems),
  };
}

function dedupe(problems: readonly GoldProblem[]): GoldProblem[] {
  const seen = new Map(problems.map((p) => [`${p.file}:${p.line}:${p.message}`, p]));
  return [...seen.values()];
}
