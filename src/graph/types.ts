/**
 * The knowledge graph that trace, path, audit and the viewer read: a graphology
 * MultiDirectedGraph whose nodes are entities, claims, references, works, documents
 * and studies, with what their answers need kept as node attributes, and whose edges
 * are typed by predicate. It is built from RDF alone (see `from-quads.ts`), and its shapes
 * are the vocabulary table's rows (`rdf/vocab/`), so a field is declared once.
 */

import type { CLAIM, TEXT_POSITION_SELECTOR } from "../rdf/vocab/claim-records.ts";
import type { Row } from "../rdf/vocab/fields.ts";
import type {
  DISCREPANCY,
  DOCUMENT,
  ENTITY,
  FIELD_SOURCE,
  IDENTIFIER,
  REFERENCE,
  STUDY,
  STUDY_ARM,
  WORK,
} from "../rdf/vocab/records.ts";

export type { ObjectValue } from "../rdf/vocab/fields.ts";

type ClaimRow = Row<typeof CLAIM>;

export type IdentifierInfo = Pick<
  Row<typeof IDENTIFIER>,
  "confidence" | "unverified" | "source"
> & {
  readonly scheme: string;
  readonly id: string;
  /** "scheme:id" as written, e.g. "pmid:12183009". */
  readonly curie: string;
  /** True when a source document's reference entry states it (cg:StatedByDocument). */
  readonly stated: boolean;
};

export type Location = Pick<ClaimRow, "section" | "line" | "column" | "endLine" | "endColumn"> &
  /** Code-point offsets of the quote in the document (oa:start, oa:end). */
  Row<typeof TEXT_POSITION_SELECTOR> & {
    readonly document: string;
  };

export type TablePlace = Pick<
  ClaimRow,
  "table" | "rowLabel" | "rowIndex" | "columnLabel" | "columnIndex"
>;

/** `direction` is a local name: Favours, Similar, NotCompared, Unclear. */
export type Comparison = Pick<
  ClaimRow,
  "armA" | "armB" | "condition" | "outcome" | "direction" | "favours" | "evidence" | "armResults"
>;

interface Base {
  readonly iri: string;
  readonly label: string;
}

/** `type` is the local name of the entity class: Drug, Target, … */
export type EntityNode = Base &
  Pick<Row<typeof ENTITY>, "type" | "synonyms" | "unnormalised"> & {
    readonly kind: "entity";
    readonly identifiers: readonly IdentifierInfo[];
  };

/**
 * A claim: `claimType` is the local name of its class (TableCellClaim, …); `status` of
 * cg:cellStatus (NotStated, NotTested: a null cell, nothing asserted); `frequency` of an
 * adverse-effect claim's cg:frequency; `readBy` of the rule it was read by; `guesses` the
 * local names of cg:guess, sorted; `cue` the phrase a prose relation was read by.
 */
export type ClaimNode = Base &
  Pick<
    ClaimRow,
    | "claimType"
    | "predicate"
    | "object"
    | "uncited"
    | "unnormalised"
    | "value"
    | "qualifier"
    | "studies"
    | "note"
    | "status"
    | "frequency"
    | "readBy"
    | "guesses"
    | "cue"
  > & {
    readonly kind: "claim";
    readonly subject: string;
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
    /** The numbers of its markers that name no entry of the reference list (cg:unresolvedMarker). */
    readonly unresolvedMarkers: readonly number[];
    readonly comparison: Comparison | undefined;
  };

/** `locator` is what the entry's brackets hold, when it is more than a host. */
export type ReferenceNode = Base &
  Pick<
    Row<typeof REFERENCE>,
    "number" | "truncated" | "host" | "locator" | "work" | "document" | "line"
  > & {
    readonly kind: "reference";
    readonly title: string;
  };

export type WorkNode = Base & {
  readonly kind: "work";
  readonly title: string;
  /** Local name: ClinicalStudy, ConsumerHealthPage, … */
  readonly evidenceType: string;
  /** What gave the evidence type: "curation", or the rule that inferred it (cg:evidenceTypeRule). */
  readonly evidenceRule: Row<typeof WORK>["evidenceRule"];
  /** True when a rule, not a curator, gave the evidence type. */
  readonly evidenceInferred: boolean;
  readonly identifiers: readonly IdentifierInfo[];
  /** What a bibliography (`build --bibliography`) gave the work; undefined when none was given. */
  readonly bibliography: WorkBibliographyInfo | undefined;
};

export interface WorkBibliographyInfo {
  /** "matched", "ambiguous" or "unmatched" (cg:bibliographyMatch). */
  readonly match: string;
  /** The entries that matched, as file#entry. */
  readonly candidates: readonly string[];
  /** In the bibliography's order (cg:authorList). */
  readonly authors: readonly string[];
  readonly year: string | undefined;
  readonly journal: string | undefined;
  /** Identifiers the entry gives that differ from the work's (cg:bibliographyConflict). */
  readonly conflicts: readonly string[];
  /** Each field the bibliography filled, with its source (cg:FieldSource). */
  readonly sources: readonly ({ readonly iri: string } & Row<typeof FIELD_SOURCE>)[];
}

export type Discrepancy = { readonly iri: string } & Row<typeof DISCREPANCY>;

/** `text` is the document's text, when the knowledge base carries it (cnt:chars). */
export type DocumentNode = Base &
  Pick<
    Row<typeof DOCUMENT>,
    | "fileName"
    | "creator"
    | "date"
    | "publisher"
    | "address"
    | "genre"
    | "sha256"
    | "text"
    | "discrepancies"
  > & {
    readonly kind: "document";
    readonly title: string;
  };

/** An arm as shown: its dose as the document gave it ("10–20", "up to 20", "~20"). */
export type StudyArm = Omit<Row<typeof STUDY_ARM>, "label" | "doseMax" | "doseApproximate"> & {
  readonly label: string;
};

export type StudyNode = Base &
  Pick<Row<typeof STUDY>, "document" | "supports"> & {
    readonly kind: "study";
    /** The reference entries the study cites through (as a claim's `citations`). */
    readonly citations: readonly string[];
    readonly qualifiers: Readonly<Record<string, readonly string[]>>;
    readonly arms: readonly StudyArm[];
  };

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
