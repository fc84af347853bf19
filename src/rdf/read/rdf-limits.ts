/**
 * The limits the guarded parser (./guarded-parser.ts) holds hostile RDF to, and the hints it
 * gives when one is passed.
 */

/**
 * Deepest nesting of ( ), [ ], { }, << >> and {| |}. n3 keeps its own stack, so depth costs
 * memory rather than the call stack, but no knowledge base needs more than a few levels.
 */
export const MAX_NESTING_DEPTH = 1000;

/**
 * Longest literal, in UTF-16 code units as written between its quotes (an escape counts as
 * written). Twice the largest document a build accepts (MAX_DOCUMENT_BYTES, 8 MiB), so the
 * text of any document, which the build stores as one literal, fits even with every character
 * escaped as \n or \t. It is measured before n3 copies, splits and unescapes the literal, which
 * costs about 20 bytes of memory per character written.
 */
export const MAX_LITERAL_LENGTH = 16 * 1024 * 1024;

/**
 * Longest IRI, and longest prefix, local name, blank node label or language tag: these become
 * the keys of the graph, copied into its snapshot and the viewer. Far beyond any identifier.
 */
export const MAX_IRI_LENGTH = 64 * 1024;

export const LITERAL_HINT = `split the text into literals of at most ${MAX_LITERAL_LENGTH} characters`;
export const NAME_HINT = `IRIs and names are identifiers: keep them under ${MAX_IRI_LENGTH} characters`;
export const LITERAL_TOO_LONG = `a literal longer than ${MAX_LITERAL_LENGTH} characters`;
