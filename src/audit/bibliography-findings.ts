/**
 * The audit's findings about a build with `--bibliography`: a work two or more entries
 * matched (nothing was taken from them), an entry's identifier that differs from the work's
 * (not taken), and a work no entry matched. Each is placed at the work's first reference entry.
 */
import type { NodeAttributes, WorkNode } from "../graph/types.ts";
import type { Auditor } from "./findings.ts";

export function findBibliographyMatches(au: Auditor, nodes: readonly NodeAttributes[]): void {
  for (const work of nodes) {
    if (work.kind !== "work" || !work.bibliography) continue;
    const b = work.bibliography;
    const where = placeOf(au, work);
    if (b.match === "ambiguous") {
      au.add(
        "bibliography-ambiguous",
        work.iri,
        `${work.label}: ${b.candidates.length} bibliography entries match (${b.candidates.join(", ")}); nothing was taken from them`,
        where,
      );
    }
    for (const conflict of b.conflicts) {
      au.add("bibliography-disagrees", work.iri, `${work.label}: ${conflict}`, where);
    }
    if (b.match === "unmatched") {
      au.add(
        "bibliography-unmatched",
        work.iri,
        `${work.label}: no bibliography entry matches`,
        where,
      );
    }
  }
}

function placeOf(au: Auditor, work: WorkNode) {
  const first = au.kg.referencesOf(work.iri)[0];
  return first ? au.refAt(first) : null;
}
