/**
 * A large section written in slices (issue #16): the agreement graph of ten thousand documents
 * is more text than one string can hold (V8's limit, about 512 MiB), so a section of one graph
 * is cut between subjects into slices of at most `SLICE_QUADS` quads (a subject with more
 * stays whole), and each slice's text is emitted on its own. The writers continue a sliced
 * section where the last slice left it, so the bytes are the ones the whole section gives;
 * a section of several graphs (a document's) is written whole, as Turtle merges a subject
 * across its graphs.
 */
import type { Quad } from "@rdfjs/types";
import type { SectionWriter } from "../rdf/write/writers.ts";

/**
 * The most quads in one slice: about 24 MB of N-Quads (242 bytes a quad at 1,000 documents). A
 * slice's quads and its four texts are held together, so the slice is kept small: at 500,000
 * the 10,000-document build's peak RSS was 168 MiB higher, and the bytes are the same.
 */
export const SLICE_QUADS = 100_000;

/** `quads` (one sorted section) in slices of at most `size` quads, cut between subjects. */
export function sectionSlices(
  quads: readonly Quad[],
  size: number = SLICE_QUADS,
): (readonly Quad[])[] {
  if (quads.length <= size || !oneGraph(quads)) return [quads];
  const slices: (readonly Quad[])[] = [];
  let start = 0;
  let cut = 0; // the last place, after `start`, where a new subject begins
  for (let i = 1; i <= quads.length; i++) {
    if (
      i < quads.length &&
      (quads[i] as Quad).subject.value === (quads[i - 1] as Quad).subject.value
    )
      continue;
    if (i - start > size && cut > start) {
      slices.push(quads.slice(start, cut));
      start = cut;
    }
    cut = i;
  }
  if (start < quads.length) slices.push(quads.slice(start));
  return slices;
}

/** Writes `quads` with `writer` slice by slice, `emit` getting each slice's text. */
export function writeSliced(
  writer: SectionWriter,
  quads: readonly Quad[],
  emit: (text: string) => void,
  size: number = SLICE_QUADS,
): void {
  const slices = sectionSlices(quads, size);
  slices.forEach((slice, i) => {
    emit(writer.section(slice, { first: i === 0, last: i === slices.length - 1 }));
  });
}

/**
 * Writes a section of one graph that comes subject by subject (`subjects`, each sorted, in
 * order) with every writer of `writers`, in slices of about `size` quads: a slice is emitted
 * once the next subject would make it larger, so only one slice is held at a time. `emit`
 * gets each writer's text; returns the number of quads.
 */
export function writeSubjects(
  writers: readonly SectionWriter[],
  subjects: Iterable<readonly Quad[]>,
  emit: (writer: number, text: string) => void,
  size: number = SLICE_QUADS,
): number {
  let slice: Quad[] = [];
  let first = true;
  let count = 0;
  const flush = (last: boolean) => {
    const place = { first, last };
    writers.forEach((w, i) => {
      emit(i, w.section(slice, place));
    });
    first = false;
    slice = [];
  };
  for (const quads of subjects) {
    if (slice.length > 0 && slice.length + quads.length > size) flush(false);
    for (const q of quads) slice.push(q);
    count += quads.length;
  }
  flush(true);
  return count;
}

function oneGraph(quads: readonly Quad[]): boolean {
  const first = (quads[0] as Quad).graph.value;
  return quads.every((q) => q.graph.value === first);
}
