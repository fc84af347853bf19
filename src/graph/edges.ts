/**
 * The knowledge graph's edges, linked once every node is read: a claim to its subject, object,
 * citations, mentions, studies and document; a reference to its work and document; a study to
 * what it cites and supports; an entity to its classes; and each asserted triple, once however
 * many claims state it.
 */

import type { MultiDirectedGraph } from "graphology";
import type { Attributes } from "graphology-types";
import { readField, type Subjects } from "../rdf/read/read-row.ts";
import { CLAIM } from "../rdf/vocab/claim-records.ts";
import type { Field } from "../rdf/vocab/fields.ts";
import { CITING, ENTITY, REFERENCE, STUDY } from "../rdf/vocab/records.ts";
import type { EdgeAttributes, EdgeKind, NodeAttributes } from "./types.ts";

/** The graph being built, whatever its own attributes. */
type Building<G extends Attributes> = MultiDirectedGraph<NodeAttributes, EdgeAttributes, G>;

type Of<K extends NodeAttributes["kind"]> = Extract<NodeAttributes, { kind: K }>;

/** Links every node's edges into `graph`. */
export function addEdges<G extends Attributes>(graph: Building<G>, subjects: Subjects): void {
  const linker = new EdgeLinker(graph, subjects);
  graph.forEachNode((iri, a) => {
    if (a.kind === "claim") linker.claim(iri, a);
    else if (a.kind === "reference") linker.reference(iri, a);
    else if (a.kind === "study") linker.study(iri, a);
    else if (a.kind === "entity") linker.entity(iri);
  });
}

/**
 * Edge keys count up in the order the data is read, not graphology's per-instance counters, so
 * two loads of the same data give the same graph (and the same viewer). A node's own edges
 * differ by kind or target (its lists of targets hold each once, sorted): only an asserted
 * triple, which several claims may state, needs a set to be linked once.
 */
class EdgeLinker<G extends Attributes> {
  private edges = 0;
  private readonly asserted = new Set<string>();

  constructor(
    private readonly graph: Building<G>,
    private readonly subjects: Subjects,
  ) {}

  claim(iri: string, a: Of<"claim">): void {
    const f = CLAIM.fields;
    this.link(iri, a.subject, "subject", f.subject.p.value);
    if ("iri" in a.object) this.link(iri, a.object.iri, "object", f.object.p.value);
    for (const ref of a.citations) this.link(iri, ref, "cites", this.citePredicate(iri, ref));
    this.each(iri, this.iris(iri, f.mentions), "mentions", f.mentions.p.value);
    this.each(iri, a.studies, "study", f.studies.p.value);
    this.link(iri, a.location.document, "derivedFrom", f.document.p.value);
    // A null cell asserts nothing: its claim is no edge between its subject and object.
    if ("iri" in a.object && this.graph.hasNode(a.subject) && a.status === undefined)
      this.assert(a.subject, a.object.iri, a.predicate);
  }

  reference(iri: string, a: Of<"reference">): void {
    this.link(iri, a.work, "refersTo", REFERENCE.fields.work.p.value);
    this.link(iri, a.document, "inDocument", REFERENCE.fields.document.p.value);
  }

  study(iri: string, a: Of<"study">): void {
    for (const ref of a.citations) this.link(iri, ref, "cites", this.citePredicate(iri, ref));
    this.each(iri, a.supports, "supports", STUDY.fields.supports.p.value);
    this.link(iri, a.document, "derivedFrom", STUDY.fields.document.p.value);
  }

  entity(iri: string): void {
    const memberOf = ENTITY.fields.memberOf;
    this.each(iri, this.iris(iri, memberOf), "memberOf", memberOf.p.value);
  }

  private link(from: string, to: string | undefined, kind: EdgeKind, predicate: string): void {
    if (!to || !this.graph.hasNode(to) || !this.graph.hasNode(from)) return;
    this.graph.addEdgeWithKey(`e${++this.edges}`, from, to, { kind, predicate });
  }

  /** Links each of sorted `targets` once. */
  private each(from: string, targets: readonly string[], kind: EdgeKind, predicate: string) {
    for (let i = 0; i < targets.length; i++)
      if (i === 0 || targets[i] !== targets[i - 1]) this.link(from, targets[i], kind, predicate);
  }

  private assert(from: string, to: string, predicate: string): void {
    const key = `${from} ${to} ${predicate}`;
    if (this.asserted.has(key)) return;
    this.asserted.add(key);
    this.link(from, to, "asserts", predicate);
  }

  private iris(iri: string, field: Field): string[] {
    return readField(field, this.subjects.get(iri), this.subjects) as string[];
  }

  /** The predicate behind a citation link from `from` to `to`. */
  private citePredicate(from: string, to: string): string {
    const via = this.iris(from, CITING.viaReference).includes(to);
    return (via ? CITING.viaReference : CITING.citesAsEvidence).p.value;
  }
}
