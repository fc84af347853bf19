/**
 * The contract between the viewer's server and the viewer: every API path, the
 * parameters it takes and the JSON it answers. Types only — the viewer imports this
 * module without pulling server code into its bundle, and the server's functions
 * return these types, so a change on one side fails the typecheck of the other
 * (tests/server/contract.test.ts checks the actual answers against them too).
 */
import type { Discrepancy } from "../graph/types.ts";
import type { ViewModel } from "../projection/projection.ts";
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
  | { readonly kind: "claim"; readonly claim: ClaimJson }
  | {
      readonly kind: "entity";
      readonly trace: TraceResult;
      /** Its claims by predicate and role, each group's first page and count. */
      readonly groups: readonly GroupPage[];
    }
  | { readonly kind: "reference"; readonly trace: TraceResult }
  | { readonly kind: "work"; readonly trace: TraceResult }
  | {
      readonly kind: "study";
      readonly study: StudyJson;
      readonly claims: readonly ClaimJson[];
    }
  | { readonly kind: "document"; readonly document: DocumentDetails };

/** A node and the neighbours drawn around it. */
export type Neighbourhood = Pick<ViewModel, "nodes" | "edges">;

/** Each API path's query parameters. */
export interface ApiParams {
  readonly "/api/view": Record<string, never>;
  readonly "/api/node": { readonly id: string };
  readonly "/api/edge": { readonly source: string; readonly target: string };
  readonly "/api/search": { readonly q: string };
  readonly "/api/path": { readonly from: string; readonly to: string };
  readonly "/api/neighbourhood": { readonly id: string };
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
  readonly "/api/group": GroupPage;
}

export type ApiPath = keyof ApiAnswers;

/** The answer of a path that found nothing (status 404) or was refused. */
export interface ApiError {
  readonly error: string;
}
