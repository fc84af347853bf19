/**
 * The knowledge graph that trace, path, audit and the viewer read: a graphology
 * MultiDirectedGraph whose nodes are entities, claims, references, works, documents
 * and studies, with what their answers need kept as node attributes, and whose edges
 * are typed by predicate. It is built from RDF alone (see `from-quads.ts`).
 */

export interface IdentifierInfo {
  readonly scheme: string;
  readonly id: string;
  /** "scheme:id" as written, e.g. "pmid:12183009". */
  readonly curie: string;
  readonly confidence: string | undefined;
  readonly unverified: boolean;
  readonly source: string | undefined;
  /** True when a source document's reference entry states it (cg:StatedByDocument). */
  readonly stated: boolean;
}

export interface Location {
  readonly document: string;
  readonly section: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly endLine: number | undefined;
  readonly endColumn: number | undefined;
  /** Code-point offsets of the quote in the document (oa:start, oa:end). */
  readonly start: number | undefined;
  readonly end: number | undefined;
}

export interface TablePlace {
  readonly table: string | undefined;
  readonly rowLabel: string | undefined;
  readonly rowIndex: number | undefined;
  readonly columnLabel: string | undefined;
  readonly columnIndex: number | undefined;
}

export type ObjectValue = { readonly iri: string } | { readonly literal: string };

export interface Comparison {
  readonly armA: string | undefined;
  readonly armB: string | undefined;
  readonly condition: string | undefined;
  readonly outcome: string | undefined;
  /** Local name: Favours, Similar, NotCompared, Unclear. */
  readonly direction: string | undefined;
  readonly favours: string | undefined;
  readonly evidence: string | undefined;
  readonly armResults: readonly string[];
}

interface Base {
  readonly iri: string;
  readonly label: string;
}

export interface EntityNode extends Base {
  readonly kind: "entity";
  /** Local name of the entity class: Drug, Target, … */
  readonly type: string;
  readonly synonyms: readonly string[];
  readonly unnormalised: boolean;
  readonly identifiers: readonly IdentifierInfo[];
}

export interface ClaimNode extends Base {
  readonly kind: "claim";
  /** Local name of the claim class: TableCellClaim, ProseClaim, … */
  readonly claimType: string;
  readonly subject: string;
  readonly predicate: string;
  readonly object: ObjectValue;
  readonly quote:
    | { readonly exact: string; readonly prefix: string; readonly suffix: string }
    | undefined;
  readonly location: Location;
  readonly table: TablePlace | undefined;
  /**
   * What the claim cites, as the document's reference entries its markers point to
   * (cg:viaReference); a cited work reached through no entry is listed itself.
   */
  readonly citations: readonly string[];
  readonly uncited: boolean;
  readonly unnormalised: boolean;
  readonly value: string | undefined;
  readonly qualifier: string | undefined;
  readonly studies: readonly string[];
  readonly comparison: Comparison | undefined;
  readonly note: string | undefined;
  /** Local name of cg:cellStatus (NotStated, NotTested): a null cell, nothing asserted. */
  readonly status: string | undefined;
  /** Local name of cg:frequency (Common, LowRisk, …) of an adverse-effect claim. */
  readonly frequency: string | undefined;
  /** Local name of cg:readBy: the rule the claim was read by. */
  readonly readBy: string | undefined;
  /** Local names of cg:guess, sorted. */
  readonly guesses: readonly string[];
  /** cg:cue: the cue phrase a prose relation was read by ("inhibits"). */
  readonly cue: string | undefined;
}

export interface ReferenceNode extends Base {
  readonly kind: "reference";
  readonly number: number | undefined;
  readonly title: string;
  readonly truncated: boolean;
  readonly host: string | undefined;
  /** What the entry's brackets hold, when it is more than a host (cg:locatorAsGiven). */
  readonly locator: string | undefined;
  readonly work: string | undefined;
  readonly document: string | undefined;
  readonly line: number | undefined;
}

export interface WorkNode extends Base {
  readonly kind: "work";
  readonly title: string;
  /** Local name: ClinicalStudy, ConsumerHealthPage, … */
  readonly evidenceType: string;
  /** What gave the evidence type: "curation", or the rule that inferred it (cg:evidenceTypeRule). */
  readonly evidenceRule: string | undefined;
  /** True when a rule, not a curator, gave the evidence type. */
  readonly evidenceInferred: boolean;
  readonly identifiers: readonly IdentifierInfo[];
}

export interface Discrepancy {
  readonly iri: string;
  readonly claim: string | undefined;
  readonly statedValue: string | undefined;
  readonly publicValues: readonly string[];
  readonly sources: readonly string[];
  readonly comment: string | undefined;
}

export interface DocumentNode extends Base {
  readonly kind: "document";
  readonly title: string;
  readonly fileName: string | undefined;
  readonly creator: string | undefined;
  readonly date: string | undefined;
  readonly publisher: string | undefined;
  readonly address: string | undefined;
  readonly genre: string | undefined;
  readonly sha256: string | undefined;
  /** The document's text, when the knowledge base carries it (cnt:chars). */
  readonly text: string | undefined;
  readonly discrepancies: readonly Discrepancy[];
}

export interface StudyArm {
  readonly label: string;
  readonly intervention: string | undefined;
  readonly sampleSize: number | undefined;
  readonly dose: string | undefined;
  readonly doseUnit: string | undefined;
  readonly route: string | undefined;
  readonly schedule: string | undefined;
}

export interface StudyNode extends Base {
  readonly kind: "study";
  readonly document: string | undefined;
  /** The reference entries the study cites through (as a claim's `citations`). */
  readonly citations: readonly string[];
  readonly qualifiers: Readonly<Record<string, readonly string[]>>;
  readonly arms: readonly StudyArm[];
  readonly supports: readonly string[];
}

export type NodeAttributes =
  | EntityNode
  | ClaimNode
  | ReferenceNode
  | WorkNode
  | DocumentNode
  | StudyNode;
export type NodeKind = NodeAttributes["kind"];

/** Edge kinds: how two nodes are linked, and the predicate IRI behind the link. */
export type EdgeKind =
  | "subject"
  | "object"
  | "mentions"
  | "cites"
  | "refersTo"
  | "inDocument"
  | "derivedFrom"
  | "study"
  | "supports"
  | "memberOf"
  | "asserts";

export interface EdgeAttributes {
  readonly kind: EdgeKind;
  readonly predicate: string;
}
