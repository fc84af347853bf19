/**
 * What `export` writes from: the prepared knowledge base (the RDF formats stream it), and,
 * built once when a format asks, the knowledge graph read back from its quads and the export
 * graph (the viewer's projection) that the graph formats and tables are made from.
 */

import { type ExportGraph, exportGraph } from "../../exports/view-graph.ts";
import { graphFromQuads } from "../../graph/from-quads.ts";
import { KnowledgeGraph } from "../../graph/knowledge-graph.ts";
import type { Prepared } from "../../pipeline/pipeline.ts";
import { toSections } from "../../rdf/write/quads.ts";

export class ExportSource {
  private kg: KnowledgeGraph | undefined;
  private view: ExportGraph | undefined;

  constructor(readonly prepared: Prepared) {}

  /** The knowledge graph, as `serve` and `trace` read it from the same quads. */
  graph(): KnowledgeGraph {
    if (!this.kg) {
      const quads = toSections(this.prepared.kb, this.prepared.iris, this.prepared.nanopubs).flat();
      this.kg = new KnowledgeGraph(graphFromQuads(quads), this.prepared.iris.prefixes());
    }
    return this.kg;
  }

  /** The viewer's projection of every node, laid out. */
  exportGraph(): ExportGraph {
    this.view ??= exportGraph(this.graph());
    return this.view;
  }
}
