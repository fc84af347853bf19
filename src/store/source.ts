/**
 * Reading the knowledge base to push, straight into the graphs a store is given: quads are
 * grouped as they are parsed, and never kept in an array. From an N-Quads file (the default,
 * `graph/kb.nq`) each line already is the N-Triples line a request carries, plus its graph:
 * the line is used as it is once the parser has checked it, so nothing is serialised again.
 */
import type { Quad } from "@rdfjs/types";
import { formatOf, parseKnowledgeBaseTexts, readKnowledgeBaseSources } from "../graph/load.ts";
import { piecesOf, type RdfText } from "../rdf/read/text-pieces.ts";
import { type GraphGroup, GraphGrouper } from "./graphs.ts";

/** Reads and checks every file (an InputError names each broken one), then groups the quads. */
export async function readGraphGroups(
  files: readonly string[],
  baseGraph?: string,
): Promise<GraphGroup[]> {
  const grouper = new GraphGrouper(baseGraph);
  const texts = readKnowledgeBaseSources(files);
  for (const [i, file] of files.entries()) {
    const text = texts[i] ?? "";
    const lines = formatOf(file) === "N-Quads" ? new NQuadsLines(text) : undefined;
    await parseKnowledgeBaseTexts([file], [text], (q) => grouper.add(q, lines?.next(q)));
  }
  return grouper.groups();
}

/**
 * Walks an N-Quads text line by line beside its parser. In N-Quads every statement is one
 * line and gives one quad, so the parser's n-th quad comes from the n-th line that is neither
 * blank nor a comment. Each line is checked against its quad (subject at the start, graph at
 * the end); at the first line that does not match — a trailing comment, an escaped IRI, a
 * blank node graph — the walk stops and the caller serialises the quads from there on.
 */
export class NQuadsLines {
  private position = 0;
  private stopped = false;
  /** The piece being walked: a text in pieces is cut at line breaks, so no line spans two. */
  private piece = 0;
  private readonly pieces: readonly string[];

  constructor(text: RdfText) {
    this.pieces = piecesOf(text);
  }

  /** The quad's triple as an N-Triples line ("… .\n"), or undefined when it cannot be cut out. */
  next(q: Quad): string | undefined {
    if (this.stopped) return undefined;
    const line = this.nextLine();
    const cut = line === undefined ? undefined : tripleOf(line, q);
    if (cut === undefined) this.stopped = true;
    return cut;
  }

  private nextLine(): string | undefined {
    for (; this.piece < this.pieces.length; this.piece++, this.position = 0) {
      const text = this.pieces[this.piece] ?? "";
      while (this.position < text.length) {
        let end = text.indexOf("\n", this.position);
        if (end === -1) end = text.length;
        const line = text.slice(this.position, end).trim();
        this.position = end + 1;
        if (line !== "" && !line.startsWith("#")) return line;
      }
    }
    return undefined;
  }
}

/**
 * The line's triple, when the line is the quad's in the canonical spacing claimgraph writes
 * (`<s> <p> o <g> .`, one space apart), so that equal triples give equal lines.
 */
function tripleOf(line: string, q: Quad): string | undefined {
  if (q.graph.termType !== "NamedNode" || q.subject.termType !== "NamedNode") return undefined;
  const head = `<${q.subject.value}> <${q.predicate.value}> `;
  const tail = ` <${q.graph.value}> .`;
  if (!line.startsWith(head) || !line.endsWith(tail)) return undefined;
  const object = line.slice(head.length, line.length - tail.length);
  if (object === "" || object.trim() !== object) return undefined;
  return `${head}${object} .\n`;
}
