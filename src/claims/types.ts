/**
 * What claimgraph extracts from a document: claims (each with its exact quote,
 * location and citations), studies, resolved references and works, and the places
 * where a document disagrees with public records. These are plain data; `rdf/write/`
 * turns them into quads. Shapes the knowledge graph shares (a study arm, a table place) are the
 * vocabulary table's rows (`rdf/vocab/`), declared there once.
 */
import type { StatedIdentifier } from "../document/locator.ts";
import type { ParsedDocument, Span } from "../document/types.ts";
import type { EvidenceType } from "../lexicon/evidence-rules.ts";
import type { EntityType, IdentifierRecord, LexiconEntity } from "../lexicon/types.ts";
import type { CLAIM, ClaimKind } from "../rdf/vocab/claim-records.ts";
import type { Row } from "../rdf/vocab/fields.ts";
import type { DISCREPANCY, STUDY_ARM } from "../rdf/vocab/records.ts";

export interface EntityTerm {
  readonly kind: "entity";
  /** Slug; the IRI is `<base>entity/<id>`. */
  readonly id: string;
  readonly label: string;
  readonly type: EntityType;
  /** True when the lexicon does not know the name and the entity was minted from it. */
  readonly unnormalised: boolean;
}

export interface LiteralTerm {
  readonly kind: "literal";
  readonly value: string;
}

/** A node of the knowledge base that is not an entity: a study or a source document. */
export interface NodeTerm {
  readonly kind: "study" | "document";
  readonly id: string;
  readonly label: string;
}

export type Term = EntityTerm | LiteralTerm | NodeTerm;

export interface PredicateTerm {
  /** Local name: in the claimgraph vocabulary when known, else a minted slug. */
  readonly name: string;
  readonly label: string;
  readonly unnormalised: boolean;
}

/** The kinds of claim, named by the vocabulary (one class each). */
export type { ClaimKind };

export type Direction = "Favours" | "Similar" | "NotCompared" | "Unclear";

/** A cell that gives no value ("Not applicable", "Not tested …", "—", empty): nothing is asserted. */
export type CellStatus = "NotStated" | "NotTested";

/** How a claim was read: the template rule (or the curation) that made it. */
export type ReadingRule =
  | "FeatureCellRule"
  | "AdverseEffectCellRule"
  | "ComparativeArmRule"
  | "ComparativeRowRule"
  | "ValueColumnRule"
  | "NullCellRule"
  | "HeaderFieldRule"
  | "ProseSentenceRule"
  | "ProseContrastRule"
  | "ProsePronounRule"
  | "ProsePreviousSentenceRule"
  | "ProseSubjectPositionRule"
  | "ProseCueRule"
  | "ArmCellCueRule"
  | "ProtocolBulletRule"
  | "CurationRule";

/** What a reading guessed, so a curator can review it. */
export type Guess =
  | "MintedEntity"
  | "MintedPredicate"
  | "UnreadValue"
  | "SubjectUnclear"
  | "SubjectFromPreviousSentence"
  | "CitationFromRowLabel";

/** A frequency or risk on the ordinal scale adverse-effect cells use (ontology/claimgraph.ttl). */
export type Frequency =
  | "VeryCommon"
  | "Common"
  | "Uncommon"
  | "Rare"
  | "VeryRare"
  | "Possible"
  | "LowRisk"
  | "ModerateRisk"
  | "HighRisk"
  | "NoRisk"
  | "DoseDependent"
  | "Varies"
  | "UnreadFrequency";

/**
 * What the assertion graph says when a plain triple would say more than the source: an
 * adverse effect with its stated frequency, or an identifier the document gives for an entity.
 */
export type Statement =
  | {
      readonly kind: "adverseEffect";
      readonly drug: EntityTerm;
      readonly effect: EntityTerm;
      readonly frequency: Frequency;
    }
  | {
      readonly kind: "statedIdentifier";
      readonly about: EntityTerm;
      readonly scheme: string;
      readonly value: string;
    };

type CellPlace = Pick<Row<typeof CLAIM>, "rowIndex" | "rowLabel" | "columnIndex" | "columnLabel">;

/** Where in a table a claim was read: the claim record's cell fields, each known, and the table. */
export type TablePlace = { readonly [K in keyof CellPlace]-?: NonNullable<CellPlace[K]> } & {
  readonly table: number;
};

export interface Comparison {
  readonly armA: EntityTerm;
  readonly armB: EntityTerm;
  readonly condition: EntityTerm;
  readonly outcome: EntityTerm | undefined;
  readonly direction: Direction;
  readonly favours: EntityTerm | undefined;
  readonly armResults: readonly string[];
  readonly evidence: string | undefined;
}

export interface Claim {
  readonly id: string;
  readonly kind: ClaimKind;
  readonly documentId: string;
  readonly subject: Term;
  readonly predicate: PredicateTerm;
  readonly object: Term;
  /** The raw span quoted (the selector's target). */
  readonly quote: Span;
  /** Display text of the quote. */
  readonly text: string;
  readonly section: string | undefined;
  readonly table: TablePlace | undefined;
  /** Reference numbers cited, ascending, each once. */
  readonly citations: readonly number[];
  /** The full cell text, when the object is an entity read from it. */
  readonly value: string | undefined;
  readonly qualifier: string | undefined;
  readonly mentions: readonly EntityTerm[];
  readonly comparison: Comparison | undefined;
  readonly note: string | undefined;
  /** Set for a null cell: the claim keeps its quote but asserts no value. */
  readonly status: CellStatus | undefined;
  /** The n-ary statement the assertion graph holds instead of the plain triple. */
  readonly statement: Statement | undefined;
  readonly readBy: ReadingRule;
  /** What was guessed in reading the claim (sorted, each once). */
  readonly guesses: readonly Guess[];
  /** For a claim read from prose by a cue ("inhibits", "is an antagonist at"): the cue's phrase. */
  readonly cue: string | undefined;
  /** For a curated claim: why the reading rules cannot read it. */
  readonly curationReason: string | undefined;
}

/** A study arm: the vocabulary table's row (rdf/vocab/records.ts), its intervention an entity. */
export type StudyArm = Omit<Row<typeof STUDY_ARM>, "label" | "intervention" | "doseApproximate"> & {
  readonly label: string;
  readonly intervention: EntityTerm | undefined;
  /** True for "~20", "about 20", "approximately 20". */
  readonly doseApproximate: boolean | undefined;
};

export interface Study {
  readonly id: string;
  readonly documentId: string;
  readonly label: string;
  readonly quote: Span;
  readonly text: string;
  readonly citations: readonly number[];
  readonly design: readonly string[];
  readonly species: readonly string[];
  readonly strain: readonly string[];
  readonly sex: readonly string[];
  readonly cellLines: readonly string[];
  readonly models: readonly EntityTerm[];
  readonly arms: readonly StudyArm[];
  /** How long treatment lasted, as written. */
  readonly duration: string | undefined;
  /** How long subjects were followed after treatment, as written: not the duration. */
  readonly followUp: string | undefined;
  /** The number of subjects in the whole study, when the text gives it. */
  readonly totalSampleSize: number | undefined;
  readonly timePoints: readonly string[];
  readonly measures: readonly string[];
  /** Claims of the same document that cite one of the study's references. */
  readonly supports: readonly string[];
}

export type { EvidenceType } from "../lexicon/evidence-rules.ts";

export interface Work {
  /** Slug; the IRI is `<base>work/<key>`. */
  readonly key: string;
  readonly title: string;
  /** True when the title comes from a public record rather than a cut-short list entry. */
  readonly titleFromRecord: boolean;
  readonly evidenceType: EvidenceType;
  /**
   * What gave the evidence type: "curation" (a `works.tsv` row), or the name of the rule that
   * inferred it (`lexicon/evidence.tsv`, or a protocol refinement); undefined when unknown.
   */
  readonly evidenceRule: string | undefined;
  /** Identifiers checked against public records (`ontology/identifiers.tsv`). */
  readonly identifiers: readonly IdentifierRecord[];
  /** Identifiers the documents' reference entries state, unchecked. */
  readonly statedIdentifiers: readonly StatedIdentifier[];
  /** What a bibliography (`build --bibliography`) adds, each field with its source. */
  readonly bibliography?: WorkBibliography;
}

/** The fields a bibliography entry fills on a work (`src/bibliography/enrich.ts`). */
export type BibliographyField = "title" | "authors" | "year" | "journal" | "doi" | "pmid";

export interface WorkBibliography {
  /** Whether one entry, several (nothing taken) or none matched the work. */
  readonly match: "matched" | "ambiguous" | "unmatched";
  /** The entries that matched, as `<file>#<entry>`. */
  readonly candidates: readonly string[];
  /** "Family, Given", in the entry's order. */
  readonly authors: readonly string[];
  readonly year: string | undefined;
  readonly journal: string | undefined;
  readonly doi: string | undefined;
  readonly pmid: string | undefined;
  /** Where each filled field came from: title, authors, year, journal, doi, pmid, in that order. */
  readonly sources: readonly FieldSource[];
  /** Identifiers the entry gives that differ from the work's, said in words (not taken). */
  readonly conflicts: readonly string[];
}

/** One enriched field's provenance: the bibliography file, its entry and how it was matched. */
export interface FieldSource {
  readonly field: BibliographyField;
  readonly value: string;
  /** The bibliography file's name, as given on the command line (its base name). */
  readonly file: string;
  readonly entry: string;
  /** "doi", "pmid", "pmcid", "url" or "title": what joined the entry to the work. */
  readonly matchedBy: string;
}

export interface ResolvedReference {
  readonly documentId: string;
  readonly number: number;
  readonly titleAsGiven: string;
  readonly truncated: boolean;
  /** What the entry's brackets hold, as given. */
  readonly locator: string | undefined;
  readonly host: string | undefined;
  readonly identifiers: readonly StatedIdentifier[];
  readonly span: Span;
  readonly workKey: string;
}

/** Where a document disagrees with public records: the table's row, by the claim it is about. */
export type Discrepancy = Pick<Row<typeof DISCREPANCY>, "publicValues" | "sources"> & {
  readonly claimId: string;
  readonly scheme: string;
  readonly statedValue: string;
};

export type Genre = "VendorOverview" | "UnknownGenre";

export interface DocumentClaims {
  readonly document: ParsedDocument;
  readonly genre: Genre;
  readonly focus: EntityTerm | undefined;
  readonly claims: readonly Claim[];
  readonly studies: readonly Study[];
  readonly references: readonly ResolvedReference[];
  readonly discrepancies: readonly Discrepancy[];
}

/** Everything the build extracted, before it becomes RDF. */
export interface KnowledgeBase {
  readonly documents: readonly DocumentClaims[];
  readonly works: readonly Work[];
  /** Every entity used, by id. */
  readonly entities: ReadonlyMap<string, EntityTerm>;
  /** The lexicon records of the entities the lexicon knows, for synonyms and identifiers. */
  readonly lexiconEntities: ReadonlyMap<string, LexiconEntity>;
  /** Class memberships and examples read from table headers. */
  readonly memberships: readonly Membership[];
}

export interface Membership {
  readonly member: EntityTerm;
  readonly group: EntityTerm;
  readonly relation: "memberOf" | "exampleMember";
}
