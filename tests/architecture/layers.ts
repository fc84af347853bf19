/**
 * The pipeline's layers, bottom first, written once: a module may import its own room or a
 * room of a lower layer, never a higher one nor another room of its own layer (rooms of one
 * layer are peers). A room is a folder of src/, or a subfolder where one folder's parts sit in
 * different layers (rdf/vocab below the claims, rdf/write above them). docs/architecture.md
 * says why each room sits where it does.
 */
export const LAYERS: readonly (readonly string[])[] = [
  // Base utilities: no claimgraph concept of their own.
  ["base", "cache"],
  ["document"],
  ["lexicon"],
  // The vocabulary and the table mapping the model to it: the claim types are its rows.
  ["rdf/vocab"],
  ["claims"],
  // Works enriched from a reference manager's export (read), and works as CSL items (written).
  ["curation", "bibliography"],
  // The knowledge base as RDF: written, read back (hostile input included), checked.
  ["rdf/write"],
  ["rdf/read"],
  ["rdf/check"],
  ["graph"],
  // What several documents say together: assertions, their support, and conflicts (#15).
  ["agreement"],
  // The questions, asked of the graph (local) or of a SPARQL store (remote).
  // The SPARQL language, shared by local files (query/) and a remote store (store/).
  ["sparql"],
  ["trace", "query", "store"],
  ["audit", "projection"],
  // Files other tools open (Gephi, Cytoscape, spreadsheets, KGX), from the viewer's projection.
  ["exports"],
  // The pipeline's driver: sources → knowledge-base files, through the stages below it. It sits
  // above graph/ so that the graph, read from RDF alone, cannot lean on it.
  ["pipeline"],
  ["server"],
  ["cli"],
  ["viewer"],
];

/**
 * Imports that still run against the layers, each until the change named beside it.
 * Keyed "importing room -> imported room".
 */
export const ALLOWED: ReadonlyMap<string, string> = new Map([]);

/** Import cycles that stay until the change named beside each, as importCycles reports them. */
export const ALLOWED_CYCLES: ReadonlyMap<string, string> = new Map();
