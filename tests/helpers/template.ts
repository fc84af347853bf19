/**
 * Small documents of the vendor-overview template, written in a test: a header, the
 * tables given, a protocol-free body and a reference list, built without curation so
 * every claim comes from the rules that read the template.
 */
import type { Quad } from "@rdfjs/types";
import { ontologyDir } from "../../src/base/paths.ts";
import type { Claim, DocumentClaims, KnowledgeBase } from "../../src/claims/types.ts";
import { loadLexicon } from "../../src/lexicon/load.ts";
import { buildKnowledgeBase } from "../../src/pipeline/knowledge-base.ts";
import { DEFAULT_BASE_IRI } from "../../src/rdf/vocab/vocabulary.ts";
import { Iris } from "../../src/rdf/write/iris.ts";
import { toSections } from "../../src/rdf/write/quads.ts";

const lexicon = loadLexicon(ontologyDir());

/** A document of the template holding `tables` (tab-separated, one blank line between). */
export function templateDocument(tables: readonly string[], focus = "Bupropion"): string {
  return [
    "# Mechanisms of Action: A Comparative Overview",
    "",
    "**Author:** Test Team. **Date:** March 2026",
    "",
    `## Compound Focus: ${focus}`,
    "",
    "CAS No.: 31677-93-7",
    "",
    "Cat. No.: T000002",
    "",
    "## Tables",
    "",
    ...tables.flatMap((t) => [t, ""]),
    "## References",
    "",
    "1. A monograph on antidepressant pharmacology [x.example.org]",
    "2. A second monograph on antidepressant pharmacology [y.example.org]",
    "",
  ].join("\n");
}

/** Builds one template document; fails the test on any diagnostic. */
export function buildTemplate(
  tables: readonly string[],
  focus?: string,
): {
  kb: KnowledgeBase;
  doc: DocumentClaims;
} {
  const { kb, diagnostics } = buildKnowledgeBase({
    documents: [
      { file: "template.md", bytes: new TextEncoder().encode(templateDocument(tables, focus)) },
    ],
    lexicon,
    curation: { file: "claims.tsv", rows: [] },
    works: undefined,
  });
  if (diagnostics.length > 0) throw new Error(diagnostics.map((d) => d.message).join("\n"));
  const doc = kb.documents[0];
  if (!doc) throw new Error("no document");
  return { kb, doc };
}

/** The table claims of column `column` (1-based over all columns) of table `table`. */
export function columnClaims(doc: DocumentClaims, table: number, column: number): Claim[] {
  return doc.claims.filter(
    (c) => c.kind === "table" && c.table?.table === table && c.table.columnIndex === column,
  );
}

export const iris = new Iris(DEFAULT_BASE_IRI);

/** Every quad of the knowledge base, in its nanopublication graphs. */
export function quadsOf(kb: KnowledgeBase): Quad[] {
  return toSections(kb, iris).flat();
}

/** The quads of a claim's assertion graph. */
export function assertionOf(kb: KnowledgeBase, claim: Claim): Quad[] {
  const graph = iris.nanopub(claim.id, "assertion").value;
  return quadsOf(kb).filter((q) => q.graph.value === graph);
}
