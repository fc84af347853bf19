/**
 * A node as the viewer holds it: the server's `ViewNode` with its documents by IRI again. The
 * server sends them as positions in `/api/view`'s document list, which keeps the answer small
 * when an entity is said in thousands of documents; the filters compare IRIs.
 */
import type { ViewModel, ViewNode } from "../projection/projection.ts";

export type ShownNode = Omit<ViewNode, "documents"> & { readonly documents: readonly string[] };

/** `node` with its document positions read in `documents` (`/api/view`'s list). */
export function shownNode(node: ViewNode, documents: ViewModel["documents"]): ShownNode {
  const iris: string[] = [];
  for (const i of node.documents) {
    const id = documents[i]?.id;
    if (id !== undefined) iris.push(id);
  }
  return { ...node, documents: iris };
}
