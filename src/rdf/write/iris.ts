/**
 * The IRIs claimgraph mints, all under one configurable base. Every local part is a
 * slug or a number derived from content (document file name, lexicon id, claim hash,
 * reference number), so IRIs are stable and valid Turtle local names.
 */
import type { NamedNode } from "@rdfjs/types";
import { DataFactory } from "n3";
import { slugify } from "../../base/slug.ts";
import type { Term as ClaimTerm, PredicateTerm } from "../../claims/types.ts";
import { kbPrefixes, SOFTWARE_IRI } from "../vocab/namespaces.ts";
import { CG } from "../vocab/vocabulary.ts";

const { namedNode } = DataFactory;

export class Iris {
  readonly base: string;

  constructor(base: string) {
    this.base = base;
  }

  /** The prefixes for the knowledge base's own IRIs, in writing order. */
  prefixes(): Record<string, string> {
    return kbPrefixes(this.base);
  }

  document(id: string): NamedNode {
    return namedNode(`${this.base}doc/${id}`);
  }

  reference(documentId: string, number: number): NamedNode {
    return namedNode(`${this.base}doc/${documentId}.ref-${number}`);
  }

  table(documentId: string, index: number): NamedNode {
    return namedNode(`${this.base}doc/${documentId}.table-${index}`);
  }

  discrepancy(documentId: string, scheme: string): NamedNode {
    return namedNode(`${this.base}doc/${documentId}.discrepancy-${slugify(scheme)}`);
  }

  claim(id: string, part?: "quote" | "tqs" | "tps" | "statement"): NamedNode {
    return namedNode(`${this.base}claim/${id}${part ? `.${part}` : ""}`);
  }

  entity(id: string): NamedNode {
    return namedNode(`${this.base}entity/${id}`);
  }

  work(key: string): NamedNode {
    return namedNode(`${this.base}work/${key}`);
  }

  /** An identifier node of an entity or work: `<owner>.id-<scheme>-<id>`. */
  identifier(owner: NamedNode, scheme: string, id: string): NamedNode {
    return namedNode(`${owner.value}.id-${slugify(`${scheme}-${id}`)}`);
  }

  /** Where a bibliography-filled field of a work came from: `<work>.source-<field>`. */
  fieldSource(owner: NamedNode, field: string): NamedNode {
    return namedNode(`${owner.value}.source-${slugify(field)}`);
  }

  study(id: string): NamedNode {
    return namedNode(`${this.base}study/${id}`);
  }

  arm(studyId: string, label: string): NamedNode {
    return namedNode(`${this.base}study/${studyId}.arm-${slugify(label, 40)}`);
  }

  predicate(term: PredicateTerm): NamedNode {
    return term.unnormalised
      ? namedNode(`${this.base}predicate/${term.name}`)
      : namedNode(CG.iri + term.name);
  }

  nanopub(claimId: string, part?: "head" | "assertion" | "provenance" | "pubinfo"): NamedNode {
    return namedNode(`${this.base}np/${claimId}${part ? `.${part}` : ""}`);
  }

  /** The activity of reading a document into nanopublications (their prov:wasGeneratedBy). */
  reading(documentId: string): NamedNode {
    return namedNode(`${this.base}activity/read-${documentId}`);
  }

  /** A version of the software, as a prov:SoftwareAgent: the same in every knowledge base. */
  software(name: string, version: string): NamedNode {
    return namedNode(`${SOFTWARE_IRI}${name}-${version}`);
  }

  graph(name: string): NamedNode {
    return namedNode(`${this.base}graph/${name}`);
  }

  /** The node a claim term stands for; literals are not nodes. */
  node(term: Exclude<ClaimTerm, { kind: "literal" }>): NamedNode {
    switch (term.kind) {
      case "entity":
        return this.entity(term.id);
      case "study":
        return this.study(term.id);
      case "document":
        return this.document(term.id);
    }
  }
}

/** Checks a base IRI: absolute, ending in "/" or "#", with no characters IRIs forbid. */
export function checkBaseIri(base: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^\s<>"{}|\\^`]+$/i.test(base))
    return "it must be an absolute IRI such as https://example.org/kb/";
  if (!base.endsWith("/") && !base.endsWith("#")) return 'it must end in "/" or "#"';
  return undefined;
}
