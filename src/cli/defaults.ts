/**
 * The folders and files the commands use when none is given, written once: the project's
 * graph/ folder, its sources, and the exports read by default. (The default base IRI is
 * DEFAULT_BASE_IRI of rdf/vocab/namespaces.ts.)
 */

/** Where `build` and `start` write the exports, and where `validate` reads them. */
export const DEFAULT_OUT = "graph";

/** The folder of source documents `build` and `start` read. */
export const DEFAULT_SOURCES = `${DEFAULT_OUT}/sources`;

/** The knowledge base the reading commands open. */
export const DEFAULT_KB = `${DEFAULT_OUT}/kb.ttl`;

/**
 * The knowledge base `push` and `pushed` read: N-Quads, which keeps every graph and is read
 * piece by piece, so a push never holds it (TriG and Turtle are read whole).
 */
export const DEFAULT_PUSH_KB = `${DEFAULT_OUT}/kb.nq`;
