/** The viewer's calls to its server (read-only JSON, same origin). */
import type { SearchHit } from "../server/api.ts";
import type { ClaimJson, StudyJson } from "../trace/answers.ts";
import type { TraceResult } from "../trace/trace.ts";
import type { ViewModel } from "../view/projection.ts";

export type NodeDetails =
  | { kind: "claim"; claim: ClaimJson }
  | { kind: "entity"; trace: TraceResult }
  | { kind: "reference"; trace: TraceResult }
  | { kind: "work"; trace: TraceResult }
  | { kind: "study"; study: StudyJson; claims: ClaimJson[] }
  | {
      kind: "document";
      document: Record<string, unknown> & {
        title: string;
        discrepancies: Array<{ comment?: string }>;
      };
    };

async function get<T>(path: string, params: Record<string, string> = {}): Promise<T> {
  const query = new URLSearchParams(params).toString();
  const res = await fetch(query ? `${path}?${query}` : path, {
    headers: { Accept: "application/json" },
  });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

export const api = {
  view: () => get<ViewModel>("/api/view"),
  node: (id: string) => get<NodeDetails>("/api/node", { id }),
  edge: (source: string, target: string) =>
    get<{ claims: ClaimJson[] }>("/api/edge", { source, target }),
  search: (q: string) => get<{ hits: SearchHit[] }>("/api/search", { q }),
  neighbourhood: (id: string) =>
    get<Pick<ViewModel, "nodes" | "edges">>("/api/neighbourhood", { id }),
};
