/**
 * Selecting a node: the state and the address change at once; the node's neighbourhood is
 * drawn when it is not yet (in the overview at scale, also for a node the overview shows:
 * the overview holds the entities, not what is around them), the camera moves to it, and the panel shows the server's
 * answer — unless another node was selected while it was on its way.
 */
import type { ViewModel } from "../projection/projection.ts";
import type { NodeDetails } from "../server/contract.ts";
import { api } from "./api.ts";
import type { DetailsPanel } from "./details.ts";
import { tracedBy } from "./details.ts";
import { addAll, type DisplayGraph, focusOn, type Renderer } from "./render.ts";
import { type ViewerState, writeAddress } from "./state.ts";

export interface SelectionParts {
  readonly graph: DisplayGraph;
  readonly renderer: Renderer;
  readonly state: ViewerState;
  readonly panel: DetailsPanel;
  /**
   * `/api/view`: whether it is the overview of a large knowledge base (neighbourhoods drawn on
   * demand), and its documents, where a neighbourhood's document positions point.
   */
  readonly view: Pick<ViewModel, "overview" | "documents">;
}

export class Selection {
  /** Nodes whose neighbourhood has been drawn. */
  readonly #around = new Set<string>();

  constructor(private readonly parts: SelectionParts) {}

  async select(id: string | null, moveCamera = true): Promise<void> {
    const { graph, renderer, state, panel } = this.parts;
    state.select(id);
    writeAddress(state);
    panel.selecting();
    if (id === null) {
      panel.clear();
      renderer.refresh();
      return;
    }
    if (!graph.hasNode(id) || (this.parts.view.overview && !this.#around.has(id))) {
      await this.drawAround(id);
    }
    if (moveCamera && graph.hasNode(id)) focusOn(renderer, id);
    const answer = await details(id);
    if (answer === undefined) panel.missing();
    else if (state.selected !== id) return;
    else this.show(id, answer);
    renderer.refresh();
  }

  private show(id: string, answer: NodeDetails): void {
    const { state, panel } = this.parts;
    if (answer.kind === "claim") state.trace(tracedBy(answer.claim));
    panel.node(id, answer, state.view().traced);
  }

  private async drawAround(id: string): Promise<void> {
    try {
      addAll(this.parts.graph, await api.neighbourhood(id), this.parts.view.documents);
      this.#around.add(id);
    } catch {
      // Not drawable (e.g. a node the projection leaves out): the panel still shows it.
    }
  }
}

async function details(id: string): Promise<NodeDetails | undefined> {
  try {
    return await api.node(id);
  } catch {
    return undefined;
  }
}
