/**
 * GEXF 1.3 (Gephi's own format) through graphology-gexf's writer: each node's label, its
 * colour, size and position as `viz:` elements (Gephi draws it as the viewer does), and
 * kind, type, claims, evidence, uncited and documents as attributes; each edge's kind and
 * label. Characters XML cannot hold are dropped (xml-text.ts: graphology-gexf's writer would
 * keep them, and Gephi would refuse the file). No date is written, so the same knowledge base
 * gives the same bytes.
 */
import { write } from "graphology-gexf";
import { VERSION } from "../base/version.ts";
import type { ExportGraph } from "./view-graph.ts";
import { xmlChars } from "./xml-text.ts";

export function gexfText(graph: ExportGraph): string {
  const positioned = graph.getAttribute("positioned");
  const g = graph.copy();
  // pedantic: the meta holds the creator alone ("positioned" is for the writers, not for Gephi).
  g.replaceAttributes({ positioned, creator: `claimgraph ${VERSION}` });
  const text = write(g, {
    version: "1.3",
    pedantic: true,
    formatNode: (_, a) => ({
      label: xmlChars(a.label),
      viz: positioned
        ? { color: a.colour, size: a.size, x: a.x, y: a.y }
        : { color: a.colour, size: a.size },
      attributes: {
        kind: xmlChars(a.kind),
        type: xmlChars(a.type),
        claims: a.claims,
        evidence: a.evidence,
        uncited: a.uncited,
        documents: xmlChars(a.documents),
      },
    }),
    formatEdge: (_, a) => ({ label: xmlChars(a.label), attributes: { kind: xmlChars(a.kind) } }),
  });
  return text.endsWith("\n") ? text : `${text}\n`;
}
