/**
 * A knowledge-base file's text as oxigraph loads it (the local SPARQL store of `query` and of
 * `serve`'s endpoint): as one string, each string loaded on its own. A file too long for one
 * string comes in pieces (src/rdf/read/text-pieces.ts) that end at line breaks: in N-Triples
 * and N-Quads every statement is one line, so each piece loads on its own; a Turtle or TriG
 * statement may run over lines, and its prefixes are declared once, so such a file is refused.
 */
import { UsageError } from "../base/errors.ts";
import { piecesOf, type RdfText } from "../rdf/read/text-pieces.ts";
import { formatOf } from "./load.ts";

/** The strings to load `text`, read from `file`, as; a UsageError for a Turtle or TriG too long. */
export function storeTexts(file: string, text: RdfText): readonly string[] {
  const format = formatOf(file);
  if (typeof text === "string" || format === "N-Quads" || format === "N-Triples")
    return piecesOf(text);
  throw new UsageError(
    `knowledge base file "${file}" is too long (${text.length} characters) for the local SPARQL store to read as ${format}`,
    "use the N-Quads file `claimgraph build` writes beside it (graph/kb.nq), or push the knowledge base to a store (claimgraph push)",
  );
}
