/**
 * Builds the knowledge graph from quads in claimgraph's vocabulary, whatever wrote
 * them: claimgraph's own exports, a file edited by hand, or one exported by a triple
 * store. Graph names are ignored (the union is read). Nodes carry the attributes the
 * trace answers need, so no answer goes back to the RDF.
 */
import type { Quad } from "@rdfjs/types";
import { MultiDirectedGraph } from "graphology";
import type { Diagnostic } from "../errors.ts";
import { CURATION_RULE } from "../lexicon/evidence-rules.ts";
import { ENTITY_TYPES } from "../lexicon/types.ts";
import {
  BIBO,
  CG,
  CITO,
  CNT,
  DCTERMS,
  FABIO,
  OA,
  PROV,
  RDF,
  RDFS,
  SKOS,
} from "../rdf/vocabulary.ts";
import {
  CLAIM_PROPERTIES,
  type Conflict,
  conflictsOf,
  PLACED_PROPERTIES,
  SELECTOR_PROPERTIES,
} from "./conflicts.ts";
import type { QuadSource, StatementPlace } from "./quad-source.ts";
import type {
  ClaimNode,
  Discrepancy,
  DocumentNode,
  EdgeAttributes,
  EdgeKind,
  EntityNode,
  IdentifierInfo,
  NodeAttributes,
  ReferenceNode,
  StudyArm,
  StudyNode,
  WorkNode,
} from "./types.ts";

/** What the graph holds besides its nodes and edges: what reading it found wrong. */
export interface GraphAttributes {
  /** Files that added nothing (load.ts), as warnings to show whoever opened them. */
  warnings?: Diagnostic[];
  /** Claims stated with two values where one is meant (conflicts.ts). */
  conflicts?: Conflict[];
}

export type KnowledgeGraphData = MultiDirectedGraph<
  NodeAttributes,
  EdgeAttributes,
  GraphAttributes
>;

const ENTITY_CLASSES: readonly string[] = ENTITY_TYPES;
const STUDY_QUALIFIERS = [
  "design",
  "species",
  "strain",
  "sex",
  "cellLine",
  "duration",
  "followUp",
  "totalSampleSize",
  "timePoint",
  "measure",
];

export interface GraphBuild {
  readonly graph: KnowledgeGraphData;
  /** Predicate IRI → label (rdfs:label when the data gives one, else the spaced local name). */
  readonly predicateLabels: ReadonlyMap<string, string>;
  /** Claims whose asserted triple the data does not give in full, skipped. */
  readonly skipped: readonly string[];
}

/**
 * A term as the graph builder keeps it: its kind and its value, read once; for the properties
 * a claim has one of, where it was stated (see conflicts.ts).
 */
interface Value {
  readonly termType: string;
  readonly value: string;
  readonly at?: StatementPlace;
}

type Props = Map<string, Value[]>;

/**
 * Groups quads by subject and predicate as they arrive (graph names are ignored), so a
 * parser can feed it directly and no array of a million quads is ever held.
 *
 * With `copy`, every string it keeps is a copy. A parser hands out pieces of the text it reads
 * (V8 keeps a slice of a string as a view of the whole), so keeping one IRI or label would keep
 * the whole file's text alive for as long as the graph lives: 119 MiB of a 1M-triple Turtle
 * file, half the graph's memory. For a small file the copies cost more than they save.
 */
export class QuadGrouper {
  readonly subjects = new Map<string, Props>();
  /** What the reader found wrong with a file that still loads (see load.ts). */
  readonly warnings: Diagnostic[] = [];
  /** Predicates are few: one string each, shared by every subject. */
  private readonly predicates = new Map<string, string>();
  private readonly own: (text: string) => string;

  constructor(options: { readonly copy?: boolean } = {}) {
    this.own = options.copy === false ? (text) => text : own;
  }

  warn(warning: Diagnostic): void {
    this.warnings.push(warning);
  }

  /** Adds a quad; with its source, the place of a statement a claim has one of is kept. */
  add(q: Quad, source?: QuadSource): void {
    const s = q.subject;
    if (s.termType !== "NamedNode" && s.termType !== "BlankNode") return;
    let props = this.subjects.get(s.value);
    if (!props) {
      props = new Map();
      this.subjects.set(this.own(s.value), props);
    }
    const o = q.object;
    let p = this.predicates.get(q.predicate.value);
    if (p === undefined) {
      p = this.own(q.predicate.value);
      this.predicates.set(p, p);
    }
    const list = props.get(p);
    if (list?.some((t) => t.termType === o.termType && t.value === o.value)) return;
    const value: Value =
      source && PLACED_PROPERTIES.has(p)
        ? { termType: o.termType, value: this.own(o.value), at: placeOf(source) }
        : { termType: o.termType, value: this.own(o.value) };
    if (!list) props.set(p, [value]);
    else list.push(value);
  }
}

function placeOf(source: QuadSource): StatementPlace {
  const { line, column } = source.place();
  return { file: source.file, line, column };
}

/**
 * A copy of `text` that shares no memory with the string it came from. Short strings are
 * always copies in V8; a longer one is copied by building a new string around it (a slice
 * of that new string refers to it alone).
 */
export function own(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** The prefixes a parser declared, as copies (see `own`): a graph keeps them. */
export function ownPrefixes(prefixes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(prefixes).map(([k, v]) => [own(k), own(v)]));
}

export function graphFromQuads(
  quads: Iterable<Quad>,
  options: { copy?: boolean } = {},
): GraphBuild {
  const grouper = new QuadGrouper(options);
  for (const q of quads) grouper.add(q);
  return graphFromGroups(grouper);
}

export function graphFromGroups(grouper: QuadGrouper): GraphBuild {
  const subjects = grouper.subjects;
  const r = new Reader(subjects);
  const graph: KnowledgeGraphData = new MultiDirectedGraph({ allowSelfLoops: true });
  const labels = new Map<string, string>();
  const skipped: string[] = [];
  const conflicts: Conflict[] = [];

  for (const [iri, props] of subjects) {
    const types = new Set((props.get(RDF.type.value) ?? []).map((t) => t.value));
    const local = [...types].filter((t) => t.startsWith(CG.iri)).map((t) => t.slice(CG.iri.length));
    if (types.has(CG.Claim.value)) {
      const claim = r.claim(iri, props, local);
      if (claim) {
        graph.mergeNode(iri, claim);
        conflicts.push(...r.conflicts(iri, props));
      } else skipped.push(iri);
    } else if (local.some((t) => ENTITY_CLASSES.includes(t)) || types.has(CG.Entity.value)) {
      graph.mergeNode(iri, r.entity(iri, props, local));
    } else if (types.has(CG.Reference.value)) graph.mergeNode(iri, r.reference(iri, props));
    else if (types.has(FABIO.Work.value)) graph.mergeNode(iri, r.work(iri, props));
    else if (types.has(CG.SourceDocument.value)) graph.mergeNode(iri, r.document(iri, props));
    else if (types.has(CG.Study.value)) graph.mergeNode(iri, r.study(iri, props));
    const label = r.str(props, RDFS.label.value);
    if (label && types.has(`${RDF.iri}Property`)) labels.set(iri, label);
  }

  // Edge keys count up in the order the data is read, not graphology's per-instance
  // counters, so two loads of the same data give the same graph (and the same viewer).
  const linked = new Set<string>();
  const link = (from: string, to: string | undefined, kind: EdgeKind, predicate: string) => {
    if (!to || !graph.hasNode(to) || !graph.hasNode(from)) return;
    const key = `${kind} ${from} ${to} ${predicate}`;
    if (linked.has(key)) return;
    linked.add(key);
    graph.addEdgeWithKey(`e${linked.size}`, from, to, { kind, predicate });
  };
  graph.forEachNode((iri, a) => {
    switch (a.kind) {
      case "claim":
        link(iri, a.subject, "subject", RDF.subject.value);
        if ("iri" in a.object) link(iri, a.object.iri, "object", RDF.object.value);
        for (const ref of a.citations) link(iri, ref, "cites", r.citePredicate(iri, ref));
        for (const m of r.iris(subjects.get(iri), CG.mentions.value))
          link(iri, m, "mentions", CG.mentions.value);
        for (const s of a.studies) link(iri, s, "study", CG.study.value);
        link(iri, a.location.document, "derivedFrom", PROV.wasDerivedFrom.value);
        // A null cell asserts nothing: its claim is no edge between its subject and object.
        if ("iri" in a.object && graph.hasNode(a.subject) && a.status === undefined)
          link(a.subject, a.object.iri, "asserts", a.predicate);
        return;
      case "reference":
        link(iri, a.work, "refersTo", CG.refersTo.value);
        link(iri, a.document, "inDocument", CG.inDocument.value);
        return;
      case "study":
        for (const ref of a.citations) link(iri, ref, "cites", r.citePredicate(iri, ref));
        for (const c of a.supports) link(iri, c, "supports", CG.supportsClaim.value);
        link(iri, a.document, "derivedFrom", PROV.wasDerivedFrom.value);
        return;
      case "entity":
        for (const g of r.iris(subjects.get(iri), CG.memberOf.value))
          link(iri, g, "memberOf", CG.memberOf.value);
        return;
      default:
        return;
    }
  });
  graph.forEachNode((_, a) => {
    if (a.kind === "claim" && !labels.has(a.predicate)) {
      labels.set(a.predicate, spacedLocalName(a.predicate));
    }
  });
  if (grouper.warnings.length > 0) graph.setAttribute("warnings", grouper.warnings);
  if (conflicts.length > 0)
    graph.setAttribute(
      "conflicts",
      conflicts.sort((a, b) => compare(a.claim, b.claim) || compare(a.property, b.property)),
    );
  return { graph, predicateLabels: labels, skipped };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function spacedLocalName(iri: string): string {
  const local = iri.slice(Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/")) + 1);
  return local
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[-_]+/g, " ")
    .toLowerCase();
}

/** The least of some values (by kind, then value), or the one value: most have one. */
function least(values: readonly Value[]): Value | undefined {
  let min = values[0];
  for (let i = 1; i < values.length; i++) {
    const v = values[i] as Value;
    if (min && (compare(v.termType, min.termType) || compare(v.value, min.value)) < 0) min = v;
  }
  return min;
}

/** Typed reads of a subject's properties. */
class Reader {
  constructor(private readonly subjects: ReadonlyMap<string, Props>) {}

  values(props: Props | undefined, p: string): Value[] {
    return props?.get(p) ?? [];
  }

  /**
   * The one value of a property. Should the data state several, the least: any order of the
   * quads (a shuffled file, a store's answer) then gives the same graph.
   */
  str(props: Props | undefined, p: string): string | undefined {
    return least(this.values(props, p))?.value;
  }

  strs(props: Props | undefined, p: string): string[] {
    return this.values(props, p)
      .map((t) => t.value)
      .sort();
  }

  num(props: Props | undefined, p: string): number | undefined {
    const v = this.str(props, p);
    const n = v === undefined ? Number.NaN : Number(v);
    return Number.isFinite(n) ? n : undefined;
  }

  bool(props: Props | undefined, p: string): boolean {
    const v = this.str(props, p);
    return v === "true" || v === "1";
  }

  /** Node values of a property: IRIs and blank nodes (a quote or selector may be written `[ … ]`). */
  iris(props: Props | undefined, p: string): string[] {
    return this.values(props, p)
      .filter((t) => t.termType === "NamedNode" || t.termType === "BlankNode")
      .map((t) => t.value)
      .sort();
  }

  iri(props: Props | undefined, p: string): string | undefined {
    return this.iris(props, p)[0];
  }

  /** Where a claim's statements disagree: its own single values, and its quote's. */
  conflicts(iri: string, props: Props): Conflict[] {
    const quote = this.props(this.iri(props, CG.quote.value));
    const selectors = this.iris(quote, OA.hasSelector.value).map((s) => this.props(s));
    return [
      ...conflictsOf(iri, props, CLAIM_PROPERTIES),
      ...selectors.flatMap((s) => conflictsOf(iri, s, SELECTOR_PROPERTIES)),
    ];
  }

  local(props: Props | undefined, p: string): string | undefined {
    const v = this.iri(props, p);
    return v?.startsWith(CG.iri) ? v.slice(CG.iri.length) : v;
  }

  props(iri: string | undefined): Props | undefined {
    return iri === undefined ? undefined : this.subjects.get(iri);
  }

  /**
   * What a claim or study cites: the reference entries it cites through (cg:viaReference), and
   * what it cites as evidence (cito:citesAsEvidence) that none of them refers to — a work cited
   * directly, or a reference entry, as files written before cg:viaReference cite.
   */
  citations(props: Props | undefined): string[] {
    const via = this.iris(props, CG.viaReference.value);
    const reached = new Set(via.map((ref) => this.iri(this.props(ref), CG.refersTo.value)));
    const direct = this.iris(props, CITO.citesAsEvidence.value).filter((x) => !reached.has(x));
    return [...new Set([...via, ...direct])].sort();
  }

  /** The predicate behind a citation link from `from` to `to`. */
  citePredicate(from: string, to: string): string {
    return this.iris(this.props(from), CG.viaReference.value).includes(to)
      ? CG.viaReference.value
      : CITO.citesAsEvidence.value;
  }

  identifiers(props: Props | undefined): IdentifierInfo[] {
    return this.iris(props, CG.identifier.value).map((iri) => {
      const p = this.props(iri);
      const scheme = this.str(p, CG.scheme.value) ?? "";
      const id = this.str(p, CG.localId.value) ?? "";
      return {
        scheme,
        id,
        curie: this.str(p, DCTERMS.identifier.value) ?? `${scheme}:${id}`,
        confidence: this.str(p, CG.confidence.value),
        unverified: this.bool(p, CG.unverified.value),
        source: this.str(p, CG.recordSource.value),
        stated: this.iris(p, CG.identifierSource.value).includes(CG.StatedByDocument.value),
      };
    });
  }

  entity(iri: string, props: Props, local: string[]): EntityNode {
    return {
      kind: "entity",
      iri,
      label: this.str(props, RDFS.label.value) ?? spacedLocalName(iri),
      type: local.find((t) => ENTITY_CLASSES.includes(t)) ?? "Entity",
      synonyms: this.strs(props, SKOS.altLabel.value),
      unnormalised: this.bool(props, CG.unnormalised.value),
      identifiers: this.identifiers(props),
    };
  }

  claim(iri: string, props: Props, local: string[]): ClaimNode | undefined {
    const subject = this.iri(props, RDF.subject.value);
    const predicate = this.iri(props, RDF.predicate.value);
    const objectTerm = least(this.values(props, RDF.object.value));
    if (!subject || !predicate || !objectTerm) return undefined;
    const quoteProps = this.props(this.iri(props, CG.quote.value));
    const selectors = this.iris(quoteProps, OA.hasSelector.value).map((s) => this.props(s));
    const text = selectors.find((s) => this.str(s, OA.exact.value) !== undefined);
    const position = selectors.find((s) => this.str(s, OA.start.value) !== undefined);
    const document =
      this.iri(quoteProps, OA.hasSource.value) ?? this.iri(props, PROV.wasDerivedFrom.value) ?? "";
    const table = this.iri(props, CG.inTable.value);
    const comparison = this.iri(props, CG.armA.value);
    return {
      kind: "claim",
      iri,
      label: this.str(props, CG.displayText.value) ?? this.str(text, OA.exact.value) ?? iri,
      claimType: local.find((t) => t !== "Claim" && t.endsWith("Claim")) ?? "Claim",
      subject,
      predicate,
      object:
        objectTerm.termType === "Literal"
          ? { literal: objectTerm.value }
          : { iri: objectTerm.value },
      quote: text
        ? {
            exact: this.str(text, OA.exact.value) ?? "",
            prefix: this.str(text, OA.prefix.value) ?? "",
            suffix: this.str(text, OA.suffix.value) ?? "",
          }
        : undefined,
      location: {
        document,
        section: this.str(props, CG.inSection.value),
        line: this.num(props, CG.line.value),
        column: this.num(props, CG.column.value),
        endLine: this.num(props, CG.endLine.value),
        endColumn: this.num(props, CG.endColumn.value),
        start: this.num(position, OA.start.value),
        end: this.num(position, OA.end.value),
      },
      table: table
        ? {
            table,
            rowLabel: this.str(props, CG.rowLabel.value),
            rowIndex: this.num(props, CG.rowIndex.value),
            columnLabel: this.str(props, CG.columnLabel.value),
            columnIndex: this.num(props, CG.columnIndex.value),
          }
        : undefined,
      citations: this.citations(props),
      uncited: this.bool(props, CG.uncited.value),
      unnormalised: this.bool(props, CG.unnormalised.value),
      value: this.str(props, CG.value.value),
      qualifier: this.str(props, CG.qualifierText.value),
      studies: this.iris(props, CG.study.value),
      comparison: comparison
        ? {
            armA: comparison,
            armB: this.iri(props, CG.armB.value),
            condition: this.iri(props, CG.condition.value),
            outcome: this.iri(props, CG.outcome.value),
            direction: this.local(props, CG.direction.value),
            favours: this.iri(props, CG.favours.value),
            evidence: this.iri(props, CG.evidence.value),
            armResults: this.iris(props, CG.armResult.value),
          }
        : undefined,
      note: this.str(props, RDFS.comment.value),
      status: this.local(props, CG.cellStatus.value),
      frequency: this.local(props, CG.frequency.value),
      readBy: this.local(props, CG.readBy.value),
      guesses: this.iris(props, CG.guess.value).map((g) =>
        g.startsWith(CG.iri) ? g.slice(CG.iri.length) : g,
      ),
      cue: this.str(props, CG.cue.value),
    };
  }

  reference(iri: string, props: Props): ReferenceNode {
    const number = this.num(props, CG.referenceNumber.value);
    const title = this.str(props, CG.titleAsGiven.value) ?? this.str(props, RDFS.label.value) ?? "";
    return {
      kind: "reference",
      iri,
      label: number === undefined ? title : `[${number}] ${title}`,
      number,
      title,
      truncated: this.bool(props, CG.titleTruncated.value),
      host: this.str(props, CG.host.value),
      locator: this.str(props, CG.locatorAsGiven.value),
      work: this.iri(props, CG.refersTo.value),
      document: this.iri(props, CG.inDocument.value),
      line: this.num(props, CG.line.value),
    };
  }

  work(iri: string, props: Props): WorkNode {
    const title = this.str(props, DCTERMS.title.value) ?? spacedLocalName(iri);
    const rule = this.str(props, CG.evidenceTypeRule.value);
    const identifiers = this.identifiers(props);
    for (const [p, scheme] of [
      [BIBO.pmid.value, "pmid"],
      [BIBO.doi.value, "doi"],
    ] as const) {
      const id = this.str(props, p);
      if (id && !identifiers.some((i) => i.scheme === scheme && i.id === id)) {
        identifiers.push({
          scheme,
          id,
          curie: `${scheme}:${id}`,
          confidence: undefined,
          unverified: false,
          source: undefined,
          stated: false,
        });
      }
    }
    return {
      kind: "work",
      iri,
      label: title,
      title,
      evidenceType: this.local(props, CG.evidenceType.value) ?? "UnknownEvidence",
      evidenceRule: rule,
      evidenceInferred: rule !== undefined && rule !== CURATION_RULE,
      identifiers,
    };
  }

  document(iri: string, props: Props): DocumentNode {
    const title = this.str(props, DCTERMS.title.value) ?? spacedLocalName(iri);
    const discrepancies: Discrepancy[] = this.iris(props, CG.hasDiscrepancy.value).map((d) => {
      const p = this.props(d);
      return {
        iri: d,
        claim: this.iri(p, CG.aboutClaim.value),
        statedValue: this.str(p, CG.statedValue.value),
        publicValues: this.strs(p, CG.publicRecordValue.value),
        sources: this.strs(p, CG.recordSource.value),
        comment: this.str(p, RDFS.comment.value),
      };
    });
    return {
      kind: "document",
      iri,
      label: title,
      title,
      fileName: this.str(props, CG.fileName.value),
      creator: this.str(props, DCTERMS.creator.value),
      date: this.str(props, DCTERMS.date.value),
      publisher: this.str(props, DCTERMS.publisher.value),
      address: this.iri(props, CG.canonicalAddress.value),
      genre: this.local(props, CG.genre.value),
      sha256: this.str(props, CG.sha256.value),
      text: this.str(props, CNT.chars.value),
      discrepancies,
    };
  }

  study(iri: string, props: Props): StudyNode {
    const arms: StudyArm[] = this.iris(props, CG.arm.value).map((a) => {
      const p = this.props(a);
      return {
        label: this.str(p, RDFS.label.value) ?? spacedLocalName(a),
        intervention: this.iri(p, CG.intervention.value),
        sampleSize: this.num(p, CG.sampleSize.value),
        dose: doseText(
          this.str(p, CG.dose.value),
          this.str(p, CG.doseMax.value),
          this.bool(p, CG.doseApproximate.value),
        ),
        doseUnit: this.str(p, CG.doseUnit.value),
        route: this.str(p, CG.route.value),
        schedule: this.str(p, CG.schedule.value),
      };
    });
    const qualifiers: Record<string, string[]> = {};
    for (const q of STUDY_QUALIFIERS) {
      const values = this.strs(props, CG.iri + q);
      if (values.length > 0) qualifiers[q] = values;
    }
    const models = this.iris(props, CG.model.value);
    if (models.length > 0) qualifiers.model = models;
    return {
      kind: "study",
      iri,
      label: this.str(props, RDFS.label.value) ?? spacedLocalName(iri),
      document: this.iri(props, PROV.wasDerivedFrom.value),
      citations: this.citations(props),
      qualifiers,
      arms,
      supports: this.iris(props, CG.supportsClaim.value),
    };
  }
}

/** A dose as the document gave it: "10", "10–20", "up to 20", "~20". */
function doseText(
  dose: string | undefined,
  max: string | undefined,
  approximate: boolean,
): string | undefined {
  const value = dose && max ? `${dose}–${max}` : (dose ?? (max ? `up to ${max}` : undefined));
  return value && approximate ? `~${value}` : value;
}
