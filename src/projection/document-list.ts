/** The documents of a knowledge base as the viewer lists them: by title, then by IRI. */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { compare } from "./claim-rows.ts";

export interface ListedDocument {
  readonly id: string;
  readonly label: string;
}

export function documentsByTitle(kg: KnowledgeGraph): ListedDocument[] {
  const documents: ListedDocument[] = [];
  kg.graph.forEachNode((iri, a) => {
    if (a.kind === "document") documents.push({ id: iri, label: a.title });
  });
  return documents.sort((a, b) => compare(a.label, b.label) || compare(a.id, b.id));
}
