/**
 * Cases found by building generated corpora: each once made a build fail or merge
 * what is distinct.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ontologyDir } from "../../src/base/paths.ts";
import { loadLexicon } from "../../src/lexicon/load.ts";
import { buildKnowledgeBase } from "../../src/pipeline/knowledge-base.ts";

const lexicon = loadLexicon(ontologyDir());
const works = {
  file: "graph/curation/works.tsv",
  text: readFileSync("graph/curation/works.tsv", "utf8"),
};

function buildOne(text: string, withWorks = false) {
  return buildKnowledgeBase({
    documents: [{ file: "doc.md", bytes: new TextEncoder().encode(text) }],
    lexicon,
    curation: { file: "claims.tsv", rows: [] },
    works: withWorks ? works : undefined,
  }).kb;
}

describe("regressions", () => {
  it("keeps two works whose titles differ only after 60 characters apart", () => {
    const kb = buildOne(
      "# Two reports\n\nDesipramine inhibits the norepinephrine transporter [1] and the serotonin transporter [2].\n\n## References\n\n" +
        "1. Receptor binding profile of desipramine in rat cortex membranes, first series [a.example.org]\n" +
        "2. Receptor binding profile of desipramine in rat cortex membranes, second series [b.example.org]\n",
    );
    const refs = kb.documents[0]?.references ?? [];
    expect(new Set(refs.map((r) => r.workKey)).size).toBe(2);
    expect(kb.works).toHaveLength(2);
  });

  it("makes two claims of a cited sentence that stands twice, so both markers are carried", () => {
    const sentence = "Desipramine inhibits the norepinephrine transporter [1].";
    const kb = buildOne(
      `# Twice\n\n${sentence}\n\n${sentence}\n\n## References\n\n1. A monograph on desipramine pharmacology [x.example.org]\n`,
    );
    const prose = kb.documents[0]?.claims.filter((c) => c.kind === "prose") ?? [];
    const claims = prose.filter((c) => c.predicate.name === "statement");
    expect(claims).toHaveLength(2);
    // Each occurrence also states its relation, read from the cue "inhibits".
    expect(prose.filter((c) => c.predicate.name === "inhibits")).toHaveLength(2);
    expect(new Set(claims.map((c) => c.id)).size).toBe(2);
    expect(claims.map((c) => c.citations)).toEqual([[1], [1]]);
  });

  it("does not resolve a very short title to a curated work it merely begins", () => {
    const kb = buildOne(
      "# Short\n\nDesipramine inhibits the norepinephrine transporter [1] and more [2].\n\n## References\n\n1. The ... [x.example.org]\n2. Desipramine ... [y.example.org]\n",
      true,
    );
    const keys = (kb.documents[0]?.references ?? []).map((r) => r.workKey);
    expect(keys.every((k) => k.startsWith("title-"))).toBe(true);
  });
});
