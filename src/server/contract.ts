/**
 * The contract between the viewer's server and the viewer: every API path, the
 * parameters it takes and the JSON it answers. Types only — the viewer imports this
 * module without pulling server code into its bundle, and the server's functions
 * return these types, so a change on one side fails the typecheck of the other
 * (tests/server/contract.test.ts checks the actual answers against them too).
 */
import type { Discrepancy } from "../graph/types.ts";
import type { AgreementDetails, ConflictDetails } from "../projection/agreement-details.ts";
import type { ClaimColumn, ClaimPage } from "../projection/claim-page.ts";
import type { AgreedMatrix } from "../projection/matrix-agreement.ts";
import type { Evidence, ViewModel } from "../projection/projection.ts";
import type { ClaimJson, StudyJson } from "../trace/answers.ts";
import type { GroupPage } from "../trace/group-page.ts";
import type { PathResult } from "../trace/path.ts";
import type { TraceResult } from "../trace/trace.ts";

/** A search suggestion. */
export interface SearchHit {
  readonly id: string;
  readonly label: string;
  /** The name that matched, when it is a synonym rather than the label. */
  readonly matched: string;
  readonly kind: string;
  readonly type: string;
}

/** A document node's facts (null where the document does not say). */
export interface DocumentDetails {
  readonly id: string;
  readonly title: string;
  readonly fileName: string | null;
  readonly creator: string | null;
  readonly date: string | null;
  readonly publisher: string | null;
  readonly address: string | null;
  readonly genre: string | null;
  readonly sha256: string | null;
  readonly discrepancies: readonly Discrepancy[];
}

/** What `/api/node` answers, by the node's kind. */
export type NodeDetails =
  | {
      readonly kind: "claim";
      readonly claim: ClaimJson;
      /** The assertions it belongs to, the other documents saying the same, its conflicts (#15). */
      readonly agreement: AgreementDetails;
    }
  | {
      readonly kind: "entity";
      readonly trace: TraceResult;
      /** Its claims by predicate and role, each group's first page and count. */
      readonly groups: readonly GroupPage[];
      /** The assertions about it with their support, and their conflicts (#15). */
      readonly agreement: AgreementDetails;
    }
  | { readonly kind: "reference"; readonly trace: TraceResult }
  | { readonly kind: "work"; readonly trace: TraceResult }
  | {
      readonly kind: "study";
      readonly study: StudyJson;
      readonly claims: readonly ClaimJson[];
    }
  | { readonly kind: "document"; readonly document: DocumentDetails };

/** A node and the neighbours drawn around it; nodes' `documents` point into `/api/view`'s. */
export type Neighbourhood = Pick<ViewModel, "nodes" | "edges">;

/** A claim as the reader marks it in its document's display text. */
export interface ReaderClaim {
  readonly id: string;
  /** The claim's class: TableCellClaim, ProseClaim, … */
  readonly kind: string;
  readonly evidence: Evidence;
  /** subject · predicate · object (or value). */
  readonly title: string;
  /** [start, end) in the display text, UTF-16 units; several when markers cut the quote. */
  readonly spans: ReadonlyArray<readonly [number, number]>;
  /** The nodes selecting which marks the claim: its subject, object, mentions, references, works, studies. */
  readonly nodes: readonly string[];
}

/** What `/api/document` answers: a document's display text with its claims and markers. */
export interface DocumentText {
  readonly id: string;
  readonly title: string;
  /** The display text (markup cleaned, TeX as Unicode); null when the knowledge base lacks it. */
  readonly text: string | null;
  readonly claims: readonly ReaderClaim[];
  /** Citation markers `[n]` at [start, end) of the text, with the reference entry they point to. */
  readonly markers: ReadonlyArray<{
    readonly start: number;
    readonly end: number;
    readonly number: number;
    readonly reference: string;
  }>;
}

/** Each API path's query parameters. */
export interface ApiParams {
  readonly "/api/view": Record<string, never>;
  readonly "/api/node": { readonly id: string };
  readonly "/api/edge": { readonly source: string; readonly target: string };
  readonly "/api/search": { readonly q: string };
  readonly "/api/path": { readonly from: string; readonly to: string };
  readonly "/api/neighbourhood": { readonly id: string };
  readonly "/api/claims": ClaimsParams;
  readonly "/api/matrix": Record<string, never>;
  /** A conflict's IRI (from a matrix cell's badge). */
  readonly "/api/conflict": { readonly id: string };
  /** `id` empty: the first document. */
  readonly "/api/document": { readonly id: string };
  /** The next page of one group of an entity's claims (`offset` claims skipped). */
  readonly "/api/group": {
    readonly id: string;
    readonly role: string;
    readonly predicate: string;
    readonly offset: string;
  };
}

/** Each API path's answer (status 200). */
export interface ApiAnswers {
  readonly "/api/view": ViewModel;
  readonly "/api/node": NodeDetails;
  readonly "/api/edge": { readonly claims: readonly ClaimJson[] };
  readonly "/api/search": { readonly hits: readonly SearchHit[] };
  readonly "/api/path": PathResult;
  readonly "/api/neighbourhood": Neighbourhood;
  readonly "/api/claims": ClaimPage;
  readonly "/api/matrix": AgreedMatrix;
  readonly "/api/conflict": ConflictDetails;
  readonly "/api/document": DocumentText;
  readonly "/api/group": GroupPage;
}

/**
 * The claims table's parameters (all optional): a text filter, the column sorted by and
 * its direction, the page (offset, limit ≤ 500) or the claim whose page is wanted, and the
 * viewer's filters as the address writes them (the legend's hidden types included).
 */
export interface ClaimsParams {
  readonly q?: string;
  readonly sort?: ClaimColumn;
  readonly dir?: "asc" | "desc";
  readonly offset?: string;
  readonly limit?: string;
  readonly focus?: string;
  readonly weak?: "hide";
  readonly uncited?: "1";
  readonly doc?: string;
  /** Legend keys hidden, comma-separated ("claim", "entity:Drug"), as the address writes them. */
  readonly hide?: string;
}

export type ApiPath = keyof ApiAnswers;

/**
 * Downloads (not JSON): every row of the claims table the filters leave, as CSV (the page and
 * focus parameters aside; at most MAX_CSV_ROWS rows, the file's name saying where it was cut).
 */
export interface DownloadParams {
  readonly "/api/claims.csv": Omit<ClaimsParams, "offset" | "limit" | "focus">;
}

/** The answer of a path that found nothing (status 404) or was refused. */
export interface ApiError {
  readonly error: string;
}

/** The files of the knowledge base offered under /kb/ (kb.manifest.json only for a build's). */
export type KbFileName = "kb.ttl" | "kb.trig" | "kb.nq" | "kb.jsonld" | "kb.manifest.json";

/**
 * The SPARQL 1.1 Protocol endpoint (not JSON of its own: SPARQL results, by `Accept`): GET
 * takes `query` in the URL; POST takes it as a form field or as an application/sparql-query
 * body. Other parameters (`default-graph-uri`, `named-graph-uri`, `update`) are refused.
 */
export interface SparqlParams {
  readonly "/sparql": { readonly query: string };
}

/** A term in SPARQL JSON results. */
export type SparqlJsonTerm =
  | { readonly type: "uri" | "bnode"; readonly value: string }
  | {
      readonly type: "literal";
      readonly value: string;
      readonly "xml:lang"?: string;
      readonly datatype?: string;
    };

/** What /sparql answers a SELECT or an ASK with as application/sparql-results+json. */
export type SparqlJsonResults =
  | {
      readonly head: { readonly vars: readonly string[] };
      readonly results: { readonly bindings: ReadonlyArray<Record<string, SparqlJsonTerm>> };
    }
  | { readonly head: Record<string, never>; readonly boolean: boolean };
