/**
 * A quad's sort key, the one used wherever quads are put in order and deduplicated: by graph,
 * subject, predicate and object (N-Quads order), a literal by its value, datatype and
 * language. (`quadLine` in rdf/read/export-text.ts is a different thing: the N-Quads line hashed into
 * digests, whose bytes are fixed by the digests already written.)
 */
import type { Quad } from "@rdfjs/types";

export function quadKey(q: Quad): string {
  return `${termKey(q.graph)}\u0001${termKey(q.subject)}\u0001${termKey(q.predicate)}\u0001${termKey(q.object)}`;
}

function termKey(t: Quad["object"] | Quad["graph"]): string {
  if (t.termType === "Literal") return `"${t.value}"^^${t.datatype.value}@${t.language}`;
  return t.value;
}
