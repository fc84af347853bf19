// A fictional document (tests/helpers/references.ts's template) built in memory with
// bibliographies, for the matching tests. Its references and tests/fixtures/bibliography/
// fictional.bib are invented (PubMed ids 900000NN, DOIs 10.5555/…), marked as such there.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../../src/base/errors.ts";
import { ontologyDir } from "../../src/base/paths.ts";
import type { KnowledgeBase } from "../../src/claims/types.ts";
import { loadLexicon } from "../../src/lexicon/load.ts";
import { buildKnowledgeBase } from "../../src/pipeline/knowledge-base.ts";
import { ROOT } from "../helpers/build.ts";
import { documentText } from "../helpers/references.ts";

export const FIXTURES = join(ROOT, "tests", "fixtures", "bibliography");

export const fixture = (name: string): { file: string; text: string } => ({
  file: `tests/fixtures/bibliography/${name}`,
  text: readFileSync(join(FIXTURES, name), "utf8"),
});

/** Invented references: cut-short titles, a stated PMID, one title two entries share, one no entry has. */
export const FICTIONAL_REFERENCES = [
  "Noradrenergic tone and the exemplary rodent: a fictional ... [journals.example.org]",
  "A fictional trial listed twice in one library [example.org]",
  "A reference no bibliography holds [example.org]",
  "Known by its PubMed id [https://pubmed.ncbi.nlm.nih.gov/90000902/]",
];

const lexicon = loadLexicon(ontologyDir());

export function buildFictional(
  bibliographies: readonly { file: string; text: string }[],
  references: readonly string[] = FICTIONAL_REFERENCES,
): { kb: KnowledgeBase; diagnostics: readonly Diagnostic[] } {
  return buildKnowledgeBase({
    documents: [
      { file: "fictional.md", bytes: new TextEncoder().encode(documentText({ references })) },
    ],
    lexicon,
    curation: { file: "claims.tsv", rows: [] },
    works: undefined,
    bibliographies,
  });
}
