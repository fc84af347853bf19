// Knowledge bases built in memory from small documents of the template, for the reference,
// work and evidence tests: each document is a sentence citing every entry, an optional protocol
// section, and its reference list.

import { ontologyDir } from "../../src/base/paths.ts";
import type { KnowledgeBase, ResolvedReference, Work } from "../../src/claims/types.ts";
import { loadLexicon } from "../../src/lexicon/load.ts";
import { buildKnowledgeBase } from "../../src/pipeline/knowledge-base.ts";

const lexicon = loadLexicon(ontologyDir());

export interface Doc {
  /** The entries of the reference list, without their numbers: `Title [locator]`. */
  readonly references: readonly string[];
  /** Protocol bullets, as written after `- `. */
  readonly protocols?: readonly string[];
}

export function documentText(doc: Doc): string {
  const markers = doc.references.map((_, i) => `[${i + 1}]`).join(" ");
  return [
    "# A Comparative Overview",
    "",
    "## Compound Focus: Desipramine",
    "",
    `Desipramine inhibits the norepinephrine transporter ${markers}.`,
    "",
    ...(doc.protocols
      ? ["## Summary of Key Experimental Protocols", "", ...doc.protocols.map((p) => `- ${p}`), ""]
      : []),
    "## References",
    "",
    ...doc.references.map((r, i) => `${i + 1}. ${r}`),
    "",
  ].join("\n");
}

/** Builds the documents (by id) with an optional works.tsv text and no curated claims. */
export function buildDocs(docs: Readonly<Record<string, Doc>>, works?: string): KnowledgeBase {
  return buildKnowledgeBase({
    documents: Object.entries(docs).map(([id, doc]) => ({
      file: `${id}.md`,
      bytes: new TextEncoder().encode(documentText(doc)),
    })),
    lexicon,
    curation: { file: "claims.tsv", rows: [] },
    works: works === undefined ? undefined : { file: "works.tsv", text: works },
  }).kb;
}

/** The work a document's reference `number` resolves to. */
export function workOf(kb: KnowledgeBase, document: string, number: number): Work {
  const ref = referenceOf(kb, document, number);
  const work = kb.works.find((w) => w.key === ref.workKey);
  if (!work) throw new Error(`reference ${document}[${number}] resolves to no work`);
  return work;
}

export function referenceOf(
  kb: KnowledgeBase,
  document: string,
  number: number,
): ResolvedReference {
  const ref = kb.documents
    .find((d) => d.document.id === document)
    ?.references.find((r) => r.number === number);
  if (!ref) throw new Error(`no reference ${document}[${number}]`);
  return ref;
}

export const WORKS_HEADER = "key\tmatch\ttitle\tevidenceType\tidentifiers\n";
