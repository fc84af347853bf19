/**
 * Slugs: the readable, IRI-safe keys claimgraph mints from labels and file names.
 * ASCII letters and digits are kept (lower-cased), runs of anything else become one
 * "-", and other letters and digits are percent-encoded as UTF-8, so every slug is a
 * valid IRI segment and a valid Turtle local name.
 */

export function slugify(label: string, maxLength = 80): string {
  const normal = label.normalize("NFKC").toLowerCase();
  let out = "";
  let dash = false;
  for (const ch of normal) {
    let piece: string;
    if (/[a-z0-9]/.test(ch)) piece = ch;
    else if (/[\p{L}\p{N}]/u.test(ch)) piece = percentEncode(ch);
    else {
      if (!dash && out !== "") {
        out += "-";
        dash = true;
      }
      continue;
    }
    // Stop before a character that does not fit whole: never cut an escape in half.
    if (out.length + piece.length > maxLength) break;
    out += piece;
    dash = false;
  }
  out = out.slice(0, maxLength).replace(/-+$/, "");
  return out === "" ? "x" : out;
}

function percentEncode(ch: string): string {
  return Array.from(
    new TextEncoder().encode(ch),
    (b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`,
  ).join("");
}

/** The document identifier of a source file: its name without `.md`, as a slug. */
export function documentIdFromFile(file: string): string {
  const base = file.split(/[\\/]/).at(-1) ?? file;
  return slugify(base.replace(/\.md$/i, ""));
}

/** A normalised form for matching labels and titles: case-, accent- and punctuation-blind. */
export function normaliseLabel(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
