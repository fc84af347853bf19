/**
 * A one-bullet document about drugs and a class the lexicon does not know (Zorbatine and
 * Quellamide of the "RIMA" class, named only by the document's feature table), and the study
 * its protocol bullet gives.
 */

import { ontologyDir } from "../../src/base/paths.ts";
import type { DocumentClaims, Study } from "../../src/claims/types.ts";
import { loadLexicon } from "../../src/lexicon/load.ts";
import { buildKnowledgeBase } from "../../src/pipeline/knowledge-base.ts";

const lexicon = loadLexicon(ontologyDir());

const TABLE = [
  "Feature\tZorbatine (RIMA)\tQuellamide (RIMA)",
  "<b>Primary Target</b>\tXR transporter [1].\tXR transporter [1].",
].join("\n");

export function studyOf(bullet: string, title = "The Trial"): Study {
  const study = documentOf(bullet, title).studies[0];
  if (!study) throw new Error("no study read");
  return study;
}

/** The document's claims and studies; `title` is the bullet's bold title. */
export function documentOf(bullet: string, title = "The Trial"): DocumentClaims {
  const text = [
    "# Overview",
    "",
    "## Compound Focus: Zorbatine",
    "",
    TABLE,
    "",
    "## Summary of Key Experimental Protocols",
    "",
    `- **${title} [1]:** ${bullet}`,
    "",
    "## References",
    "",
    "1. A trial of Zorbatine ... [example.org]",
    "",
  ].join("\n");
  const doc = buildKnowledgeBase({
    documents: [{ file: "doc.md", bytes: new TextEncoder().encode(text) }],
    lexicon,
    curation: { file: "claims.tsv", rows: [] },
    works: undefined,
  }).kb.documents[0];
  if (!doc) throw new Error("no document read");
  return doc;
}

/** Each arm's label (lower case) and n. */
export const arms = (study: Study) => study.arms.map((a) => [a.label.toLowerCase(), a.sampleSize]);
