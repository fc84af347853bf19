/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): in
 * text from a document they would reorder the words around them (in the viewer, in a
 * spreadsheet), so they are dropped from what is shown or exported. Right-to-left letters
 * stay as written.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}
