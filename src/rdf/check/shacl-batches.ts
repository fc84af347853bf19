/**
 * SHACL validation of a dataset too large to validate whole, in batches of about BATCH_QUADS
 * quads, with the report the whole dataset would give.
 *
 * Every subject belongs to one batch, and a batch holds all the triples of its subjects, wherever
 * in the dataset they are, and the rdf:type triples of the nodes those triples point to (so
 * sh:class sees a work or an entity of the shared graph from any document). A batch reports only
 * its own subjects: a node brought in for its types only, or a subject of another batch, is judged
 * where all its triples are. For shapes that read no more than a focus node's triples and its
 * values' classes (`shapesReadLocally`), each result is then found once, as the whole dataset
 * finds it. Other shapes, and data with blank nodes (whose labels differ from one reading to the
 * next), are validated whole.
 *
 * The dataset is read twice. The first reading numbers the quads and cuts them into windows of
 * BATCH_QUADS: a subject whose triples all lie in one window or the next belongs to the batch of
 * its first window (an export writes a document's graphs together, so nearly every subject
 * does); a subject spread further (an entity, with triples in the shared graph and in the
 * claims of many documents) goes to a batch of such subjects. The second reading fills the
 * batches and validates each as soon as it is complete (synchronously, as the parser calls
 * back), so only a few windows, and the spread subjects' triples, are held at once.
 *
 * Batches are cut by subject, not by document as a store's graphs are (src/store/graphs.ts):
 * that needs no knowledge of graph names, and stays exact where a node's triples are spread over
 * documents, as a shared entity's are over the claims that name it.
 */
import type { Quad, Term } from "@rdfjs/types";
import { DataFactory, type Term as N3Term, termFromId, termToId } from "n3";
import type { ReadOptions } from "../read/export-stream.ts";
import { RDF, RDFS } from "../vocab/vocabulary.ts";
import {
  loadShapes,
  type ShaclReport,
  type ShaclResult,
  ShaclValidator,
  shaclDataGraph,
  sortResults,
} from "./shacl.ts";
import { shapesReadLocally } from "./shacl-locality.ts";

/**
 * Reads the dataset from its start, handing each quad to `onQuad`; called once per reading.
 * `whole` asks for the text to be read at once, for data with blank nodes (see `ReadOptions`).
 */
export type QuadReader = (onQuad: (quad: Quad) => void, options?: ReadOptions) => Promise<void>;

export interface BatchOptions {
  /** Shapes as Turtle; by default those of `ontology/shapes.ttl`. */
  readonly shapesTurtle?: string;
  /** About how many quads a batch holds. */
  readonly batchQuads?: number;
  /** Told the size of each batch as it is validated (not told when the data is validated whole). */
  readonly onBatch?: (quads: number) => void;
}

export const BATCH_QUADS = 10_000;

interface Subject {
  /** The windows of the subject's first and last triples. */
  readonly first: number;
  last: number;
  /** How many quads have the subject. */
  count: number;
  /** Its classes (rdf:type), for the batches whose triples point to it. */
  types: string[] | undefined;
  batch: number;
}

interface Plan {
  readonly subjects: Map<string, Subject>;
  /** The quads each batch will hold. */
  readonly sizes: number[];
  /** How many batches are windows; the others hold spread subjects. */
  readonly windows: number;
  /** The data's own rdfs:subClassOf triples, which every batch needs for sh:class and targets. */
  readonly hierarchy: Quad[];
}

/** Validates the dataset `read` gives against the shapes, holding a few batches at a time. */
export async function validateShaclInBatches(
  read: QuadReader,
  options: BatchOptions = {},
): Promise<ShaclReport> {
  const shapes = loadShapes(options.shapesTurtle);
  const validator = await ShaclValidator.create(shapes);
  const plan = shapesReadLocally(shapes)
    ? await planBatches(read, options.batchQuads ?? BATCH_QUADS)
    : undefined;
  const results = plan
    ? await validateBatches(read, plan, validator, options.onBatch)
    : await validateWhole(read, validator);
  return { conforms: results.length === 0, results: sortResults(results) };
}

async function validateWhole(read: QuadReader, validator: ShaclValidator): Promise<ShaclResult[]> {
  const quads: Quad[] = [];
  await read((quad) => quads.push(quad), { whole: true });
  return validator.results(shaclDataGraph(quads));
}

/** The first reading: which batch each subject goes to; undefined for data with blank nodes. */
async function planBatches(read: QuadReader, size: number): Promise<Plan | undefined> {
  const subjects = new Map<string, Subject>();
  const classes = new Map<string, string>();
  const hierarchy: Quad[] = [];
  let index = 0;
  let blank = false;
  await read((quad) => {
    const { subject, predicate, object } = quad;
    if (blank) return;
    if (
      subject.termType !== "NamedNode" ||
      (object.termType !== "NamedNode" && object.termType !== "Literal")
    ) {
      blank = true;
      return;
    }
    const window = Math.floor(index++ / size);
    let s = subjects.get(subject.value);
    if (!s) {
      s = { first: window, last: window, count: 0, types: undefined, batch: -1 };
      subjects.set(copied(subject.value), s);
    }
    s.last = window;
    s.count++;
    if (predicate.equals(RDF.type) && object.termType === "NamedNode") {
      let name = classes.get(object.value);
      if (name === undefined) {
        name = copied(object.value);
        classes.set(name, name);
      }
      s.types ??= [];
      if (!s.types.includes(name)) s.types.push(name);
    } else if (predicate.equals(RDFS.subClassOf)) hierarchy.push(detached(quad));
  });
  if (blank) return undefined;
  const windows = Math.ceil(index / size);
  const sizes = new Array<number>(windows).fill(0);
  let spread = windows;
  for (const s of subjects.values()) {
    if (s.last - s.first <= 1) s.batch = s.first;
    else {
      if ((sizes[spread] ?? 0) > 0 && (sizes[spread] ?? 0) + s.count > size) spread++;
      s.batch = spread;
    }
    sizes[s.batch] = (sizes[s.batch] ?? 0) + s.count;
  }
  return { subjects, sizes, windows, hierarchy };
}

/** The second reading: fills each batch and validates it once it holds all its quads. */
async function validateBatches(
  read: QuadReader,
  plan: Plan,
  validator: ShaclValidator,
  onBatch: ((quads: number) => void) | undefined,
): Promise<ShaclResult[]> {
  const { subjects, sizes, windows } = plan;
  const filling = new Map<number, Quad[]>();
  const results: ShaclResult[] = [];
  const validate = (batch: number, quads: readonly Quad[]) => {
    filling.delete(batch);
    onBatch?.(quads.length);
    const found = validator.results(
      shaclDataGraph(withPointedTypes(quads, batch, plan)),
      (focus) => (subjects.get(focus.value)?.batch ?? -1) === batch,
    );
    for (const result of found) results.push(result);
  };
  await read((quad) => {
    // A subject the first reading did not see (the file changed since) joins a batch of its own.
    const batch = subjects.get(quad.subject.value)?.batch ?? -1;
    let quads = filling.get(batch);
    if (!quads) {
      quads = [];
      filling.set(batch, quads);
    }
    // A window's quads are held for a window or two; a spread subject's, to the end.
    quads.push(batch < windows ? quad : detached(quad));
    if (quads.length === sizes[batch]) validate(batch, quads);
  });
  // Batches still short of quads, should the file have changed between the readings.
  for (const [batch, quads] of [...filling].sort((a, b) => a[0] - b[0])) validate(batch, quads);
  return results;
}

/**
 * A batch's quads, the data's class hierarchy, and the rdf:type triples of every node the quads
 * point to that another batch holds.
 */
function withPointedTypes(quads: readonly Quad[], batch: number, plan: Plan): Quad[] {
  const out = [...quads, ...plan.hierarchy];
  const added = new Set<string>();
  for (const { object } of quads) {
    if (object.termType !== "NamedNode" || added.has(object.value)) continue;
    const target = plan.subjects.get(object.value);
    if (!target?.types || target.batch === batch) continue;
    added.add(object.value);
    for (const type of target.types) out.push(typeTriple(object, type));
  }
  return out;
}

function typeTriple(node: Term, type: string): Quad {
  return DataFactory.quad(node as Quad["subject"], RDF.type, DataFactory.namedNode(type));
}

/**
 * A copy of `text` that shares no memory with it. n3's terms are slices of the text it read, and
 * a slice kept alive keeps alive the whole megabyte it came from.
 */
function copied(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** The triple of `quad` (SHACL reads no graph) in strings of its own (see `copied`). */
function detached(quad: Quad): Quad {
  const term = (t: Term) => termFromId(copied(termToId(t as N3Term)));
  return DataFactory.quad(
    term(quad.subject) as Quad["subject"],
    term(quad.predicate) as Quad["predicate"],
    term(quad.object) as Quad["object"],
  );
}
