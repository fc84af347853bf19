/**
 * `query --file PATH`: a SPARQL query read from a file, strictly as UTF-8, so a syntax error
 * is located at `file:line:column` in what the user wrote.
 */
import { readFileSync } from "node:fs";
import { decodeDocument } from "../base/decode-utf8.ts";
import { displayPath } from "../base/display-path.ts";
import { InputError, UsageError } from "../base/errors.ts";

/** The query `sparql` names: the argument, or the text of `file`; one of them, not both. */
export function queryText(
  sparql: string | undefined,
  file: string | undefined,
): { readonly text: string; readonly file?: string } {
  if (file === undefined) {
    if (sparql === undefined)
      throw new UsageError("no query given", "give the query as an argument or --file PATH");
    return { text: sparql };
  }
  if (sparql !== undefined)
    throw new UsageError(
      "a query argument and --file were both given",
      "give the query as an argument or in the file, not both",
    );
  const shown = displayPath(file);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(
      `cannot read the query file ${shown} (${code})`,
      "give --file a readable file holding one SPARQL query",
    );
  }
  const decoded = decodeDocument(shown, bytes);
  if (!decoded.ok) throw new InputError([decoded.diagnostic]);
  // A byte-order mark is not part of the query: columns count what an editor shows.
  return { text: decoded.text.replace(/^\uFEFF/, ""), file: shown };
}
