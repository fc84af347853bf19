/** The RDF syntaxes claimgraph reads knowledge-base files in. */
export type RdfFormat = "Turtle" | "TriG" | "N-Triples" | "N-Quads";
