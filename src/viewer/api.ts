/** The viewer's calls to its server (read-only JSON, same origin), typed by the server's contract. */
import type { ApiAnswers, ApiParams, ApiPath, ClaimsParams } from "../server/contract.ts";

export type { NodeDetails } from "../server/contract.ts";

async function get<P extends ApiPath>(path: P, params: ApiParams[P]): Promise<ApiAnswers[P]> {
  const query = new URLSearchParams(params as Record<string, string>).toString();
  const res = await fetch(query ? `${path}?${query}` : path, {
    headers: { Accept: "application/json" },
  });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as ApiAnswers[P];
}

export const api = {
  view: () => get("/api/view", {}),
  node: (id: string) => get("/api/node", { id }),
  edge: (source: string, target: string) => get("/api/edge", { source, target }),
  search: (q: string) => get("/api/search", { q }),
  neighbourhood: (id: string) => get("/api/neighbourhood", { id }),
  claims: (params: ClaimsParams) => get("/api/claims", params),
  matrix: () => get("/api/matrix", {}),
  conflict: (id: string) => get("/api/conflict", { id }),
  document: (id: string) => get("/api/document", { id }),
  group: (id: string, role: string, predicate: string, offset: number) =>
    get("/api/group", { id, role, predicate, offset: String(offset) }),
};
