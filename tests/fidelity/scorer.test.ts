// The fidelity yardstick (scripts/fidelity/): the scorer on small made-up cases, and the corpus
// it measures — every document builds, every gold file parses, and every gold row points at a
// line of its document that holds its quote.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildDocument,
  type CorpusDocument,
  corpusDocuments,
  ROOT,
  readGold,
  seedDocument,
} from "../../scripts/fidelity/corpus.ts";
import { fidelity } from "../../scripts/fidelity/fidelity.ts";
import { parseGold } from "../../scripts/fidelity/gold.ts";
import { ratios, score } from "../../scripts/fidelity/match.ts";
import { labelKey, labelsMatch } from "../../scripts/fidelity/normalise.ts";
import type { FactRow, Kind } from "../../scripts/fidelity/rows.ts";

function row(kind: Kind, line: number | undefined, fields: Partial<FactRow> = {}): FactRow {
  return {
    kind,
    document: "doc",
    file: "doc.md",
    line,
    endLine: line,
    quote: "",
    subject: [],
    predicate: [],
    object: [],
    qualifier: "",
    citations: "",
    attributes: {},
    ...fields,
  };
}

const primaryTarget = (subject: string[], object: string[], extra: Partial<FactRow> = {}) =>
  row("cell", 21, {
    quote: "Norepinephrine Transporter (NET) [1]",
    subject,
    predicate: ["Primary Target"],
    object,
    citations: "1",
    ...extra,
  });

describe("the scorer", () => {
  it("scores a perfect match 1/1", () => {
    const gold = [primaryTarget(["Desipramine"], ["Norepinephrine Transporter (NET)"])];
    const observed = [primaryTarget(["desipramine"], ["norepinephrine transporter", "NET"])];
    const s = score(gold, observed);
    expect(ratios(s.kinds.cell)).toEqual({ precision: 1, recall: 1 });
    expect(s.misses).toEqual([]);
    expect(s.falseHits).toEqual([]);
    expect(s.wrong).toEqual([]);
  });

  it("a missing row lowers recall, not precision", () => {
    const gold = [
      primaryTarget(["Bupropion"], ["Dopamine Transporter (DAT)"]),
      primaryTarget(["Bupropion"], ["Norepinephrine Transporter (NET)"]),
    ];
    const s = score(gold, [primaryTarget(["bupropion"], ["dopamine transporter"])]);
    expect(ratios(s.kinds.cell)).toEqual({ precision: 1, recall: 0.5 });
    expect(s.misses.map((r) => r.object[0])).toEqual(["Norepinephrine Transporter (NET)"]);
  });

  it("an extra row lowers precision, not recall", () => {
    const gold = [row("prose", 15, { subject: ["SSRIs"] })];
    const observed = [
      row("prose", 15, { subject: ["selective serotonin reuptake inhibitors", "SSRIs"] }),
      row("prose", 26, { subject: ["desipramine"] }),
    ];
    const s = score(gold, observed);
    expect(ratios(s.kinds.prose)).toEqual({ precision: 0.5, recall: 1 });
    expect(s.falseHits.map((r) => r.line)).toEqual([26]);
  });

  it("a row on another line, with other citations or another qualifier does not match", () => {
    const gold = [primaryTarget(["Desipramine"], ["SERT"], { qualifier: "weaker" })];
    for (const other of [
      primaryTarget(["desipramine"], ["SERT"], { qualifier: "weaker", line: 22, endLine: 22 }),
      primaryTarget(["desipramine"], ["SERT"], { qualifier: "weaker", citations: "1;2" }),
      primaryTarget(["desipramine"], ["SERT"]),
    ]) {
      expect(score(gold, [other]).kinds.cell.matched).toBe(0);
    }
  });

  it("normalises labels: case, parentheses, plurals, markup, entities, TeX and Greek letters", () => {
    expect(labelKey("Serotonin Transporter (SERT)")).toBe(labelKey("serotonin transporter"));
    expect(labelKey("SSRIs")).toBe(labelKey("SSRI"));
    expect(labelKey("$\\alpha_2A$ -adrenergic receptors")).toBe(
      labelKey("α2A-adrenergic receptor"),
    );
    expect(labelKey("<b>Immunomodulation &amp; Cancer Metastasis</b>")).toBe(
      labelKey("immunomodulation & cancer metastasis"),
    );
    expect(labelKey("&beta;-arrestin")).toBe(labelKey("β-arrestin"));
    expect(labelKey("doesNotActivate")).toBe(labelKey("does not activate"));
    expect(labelKey("Desipramine")).not.toBe(labelKey("Fluoxetine"));
    expect(labelsMatch(["SSRIs", "Desipramine"], ["desipramine"])).toBe(true);
    expect(labelsMatch([], [])).toBe(true);
    expect(labelsMatch([], ["SSRIs"])).toBe(false);
  });

  it("keeps doses as written: a range or an approximation is not its upper bound", () => {
    const gold = [
      row("arm", 64, {
        subject: ["Trial"],
        object: ["Bupropion"],
        attributes: { dose: "150–450" },
      }),
    ];
    const as = (dose: string) => [
      row("arm", 64, { subject: ["Trial"], object: ["bupropion"], attributes: { dose } }),
    ];
    expect(score(gold, as("150-450")).kinds.arm.matched).toBe(1);
    expect(score(gold, as("450")).kinds.arm.matched).toBe(0);
    const approx = [row("arm", 67, { subject: ["M"], object: ["D"], attributes: { dose: "~20" } })];
    const plain = [row("arm", 67, { subject: ["M"], object: ["D"], attributes: { dose: "20" } })];
    expect(score(approx, plain).kinds.arm.matched).toBe(0);
  });

  it("matches a comparison with its arms in either order, and the direction must agree", () => {
    const gold = [
      row("comparison", 34, {
        subject: ["Bupropion"],
        predicate: ["Smoking Cessation"],
        object: ["Escitalopram"],
        attributes: { direction: "favours", favours: "Bupropion", outcome: "Abstinence" },
      }),
    ];
    const observed = (direction: string, favours: string) => [
      row("comparison", 34, {
        subject: ["escitalopram"],
        predicate: ["smoking cessation"],
        object: ["bupropion"],
        attributes: { direction, favours, outcome: "abstinence" },
      }),
    ];
    expect(score(gold, observed("favours", "bupropion")).kinds.comparison.matched).toBe(1);
    expect(score(gold, observed("unclear", "")).kinds.comparison.matched).toBe(0);
  });

  it("counts a value asserted for a null cell as a wrong triple", () => {
    const gold = [
      row("not-stated", 23, {
        quote: "Not applicable",
        subject: ["SSRIs"],
        predicate: ["Key Novel Mechanism"],
      }),
    ];
    const observed = [
      row("cell", 23, {
        quote: "Not applicable",
        subject: ["SSRIs"],
        predicate: ["key mechanism", "Key Novel Mechanism"],
        object: ["Not applicable"],
      }),
    ];
    const s = score(gold, observed);
    expect(s.wrong).toHaveLength(1);
    expect(s.wrong[0]?.reason).toMatch(/null cell/);
  });

  it("counts a drug turned into a predicate as a wrong triple, and a literal copy of the cell as unread", () => {
    const cell = "Dopamine Transporter (DAT) and Norepinephrine Transporter (NET) [1] [2]";
    const gold = [
      primaryTarget(["Bupropion"], ["Dopamine Transporter (DAT)"], {
        quote: "Dopamine Transporter (DAT)",
      }),
    ];
    const asPredicate = row("cell", 21, {
      quote: cell,
      subject: ["document"],
      predicate: ["bupropion (ndri)"],
      object: ["Dopamine Transporter (DAT) and Norepinephrine Transporter (NET)"],
    });
    const copied = row("cell", 21, {
      quote: cell,
      subject: ["bupropion"],
      predicate: ["primary target", "Primary Target"],
      object: ["Dopamine Transporter (DAT) and Norepinephrine Transporter (NET)"],
      citations: "1;2",
    });
    expect(score(gold, [asPredicate]).wrong).toHaveLength(1);
    const s = score(gold, [copied]);
    expect(s.wrong).toEqual([]);
    expect(s.falseHits).toHaveLength(1);
  });

  it("counts a low risk asserted without its level as wrong, a common one as unread", () => {
    const effect = (subject: string, frequency: string, quote: string) =>
      row("effect", 51, {
        quote,
        subject: [subject],
        object: ["Anticholinergic Effects"],
        citations: "2",
        attributes: { frequency },
      });
    const gold = [
      effect("SSRIs", "low", "Low risk [2]"),
      effect("Desipramine", "common", "Common [2]"),
    ];
    const observed = [effect("SSRIs", "", "Low risk [2]"), effect("desipramine", "", "Common [2]")];
    const s = score(gold, observed);
    expect(s.kinds.effect.matched).toBe(0);
    expect(s.wrong.map((w) => w.row.subject[0])).toEqual(["SSRIs"]);
  });

  it("reports a gold file's problems with their line", () => {
    const text = [
      "# a comment",
      "kind\tline\tquote\tsubject\tpredicate\tobject\tqualifier\tcitations\tattributes",
      "cell\t21\tNET [1]\tDesipramine\tPrimary Target\tNET\t\t1",
      "cel\t21\tNET\tDesipramine",
      "effect\tx\tLow\tSSRIs",
      "effect\t51\tLow\tSSRIs\t\tAnticholinergic Effects\t\t2\tlevel=low",
      "cell\t21\tNET\tDesipramine\t\t\t\t1,2",
    ].join("\n");
    const parsed = parseGold("doc.gold.tsv", "doc", text);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.problems.map((p) => p.line)).toEqual([4, 5, 6, 7]);
  });
});

// Held-out documents: no reading rule was written for them (tests/fixtures/holdout/README.md).
const HOLDOUT_DIR = join(ROOT, "tests", "fixtures", "holdout");

describe("the corpus", () => {
  it("holds at least 8 documents besides the seed", () => {
    expect(corpusDocuments().length).toBeGreaterThanOrEqual(8);
  });
});

describe("the held-out documents", () => {
  it("hold at least 2 documents", () => {
    expect(corpusDocuments(HOLDOUT_DIR).length).toBeGreaterThanOrEqual(2);
  });

  it("are scored as the corpus with --corpus, the seed still against its own gold", () => {
    const result = fidelity(HOLDOUT_DIR);
    expect(result.problems).toEqual([]);
    expect(result.documents).toEqual([
      ...corpusDocuments(HOLDOUT_DIR).map((d) => d.id),
      seedDocument().id,
    ]);
    expect(result.sets.seed.kinds.header.gold).toBe(1);
  });
});

const FOLDERS: readonly (readonly [string, readonly CorpusDocument[]])[] = [
  ["the corpus", [...corpusDocuments(), seedDocument()]],
  ["the held-out documents", corpusDocuments(HOLDOUT_DIR)],
];

describe.each(FOLDERS)("%s", (_, documents) => {
  it.each(documents.map((d) => [d.id, d] as const))("%s builds without errors", (_, doc) => {
    const built = buildDocument(doc, false);
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(built.kb?.documents).toHaveLength(1);
  });

  it.each(documents.map((d) => [d.id, d] as const))(
    "%s: the gold file parses, and each row's quote stands on its line",
    (_, doc) => {
      const gold = readGold(doc);
      expect(gold.problems).toEqual([]);
      expect(gold.rows.length).toBeGreaterThan(20);
      const lines = readFileSync(doc.path, "utf8")
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/);
      const misplaced = gold.rows.flatMap((r, i) => {
        const text = lines[(r.line ?? 0) - 1];
        if (text?.includes(r.quote)) return [];
        return [`gold line ${gold.rowLines[i]}: "${r.quote}" is not on line ${r.line}`];
      });
      expect(misplaced).toEqual([]);
    },
  );
});
