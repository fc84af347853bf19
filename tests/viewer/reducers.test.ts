// What sigma draws, from the pure reducers: colours by type and claims by evidence, hidden by
// filters, the hovered neighbourhood or the traced path in colour and everything else dimmed,
// the selected node larger, only the hover budget's labels while hovering, long labels
// shortened. On hand-made nodes and on the seed's real display nodes.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import {
  colourOf,
  DIMMED,
  evidenceColour,
  HIGHLIGHT,
  nodeColour,
  typeKey,
} from "../../src/projection/palette.ts";
import { project } from "../../src/projection/projection.ts";
import { type Filters, NO_FILTERS } from "../../src/viewer/filters.ts";
import {
  edgeReducer,
  LABEL_LENGTH,
  nodeReducer,
  shorten,
  type ViewState,
} from "../../src/viewer/reducers.ts";
import { type ShownNode, shownNode } from "../../src/viewer/shown-node.ts";
import { SEED_KB } from "../helpers/serve.ts";

function node(key: string, kind: ShownNode["kind"], type: string, label = key): ShownNode {
  return {
    key,
    kind,
    type,
    label,
    x: 1,
    y: 2,
    size: 5,
    claims: 1,
    evidence: kind === "claim" ? "strong" : "none",
    uncited: false,
    documents: ["doc:a"],
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const DRUG = node("drug", "entity", "Drug", "desipramine");
const TARGET = node("target", "entity", "Target", "norepinephrine transporter");
const CLAIM = node("claim", "claim", "TableCellClaim", "desipramine · primary target · NET");
const REF = node("ref", "reference", "Reference", "[1] Desipramine - StatPearls");
const WORK = node("work", "work", "TertiaryReferenceWork", "StatPearls");
const DOC = node("doc", "document", "Document", "Mechanisms of Action");
const ALL = [DRUG, TARGET, CLAIM, REF, WORK, DOC];

function state(over: Partial<ViewState> = {}): ViewState {
  return {
    filters: NO_FILTERS,
    selected: null,
    hovered: null,
    hoverSet: null,
    hoverLabels: null,
    traced: null,
    ...over,
  };
}

function filters(over: Partial<Filters>): Filters {
  return { ...NO_FILTERS, ...over };
}

describe("nodeReducer", () => {
  // The Okabe–Ito palette (#13): Condition and Reference were hard to tell apart.
  it("colours each node by its legend type when nothing is in focus", () => {
    const expected: Record<string, string> = {
      drug: "#d55e00",
      target: "#0072b2",
      claim: "#4d4d4d",
      ref: "#2b5a75",
      work: "#735000",
      doc: "#1a3646",
    };
    for (const n of ALL) {
      const d = nodeReducer(n.key, n, state());
      expect(d.color, n.key).toBe(expected[n.key]);
      expect(d.color).toBe(nodeColour(n));
      expect(d.hidden).toBe(false);
      expect(d.highlighted).toBe(false);
      expect(d.size).toBe(n.size);
      expect([d.x, d.y]).toEqual([n.x, n.y]);
    }
  });

  it("gives every type of the seed a distinct colour, none of them the dimmed grey", async () => {
    const view = project(await openKnowledgeGraph([SEED_KB]));
    const keys = [...new Set(view.nodes.map((n) => typeKey(n.kind, n.type)))];
    expect(keys.length).toBeGreaterThanOrEqual(10);
    const colours = keys.map(colourOf);
    expect(new Set(colours).size).toBe(keys.length);
    expect(colours).not.toContain(DIMMED);
    expect(colours).not.toContain(HIGHLIGHT);
  });

  it("colours claims by their evidence: primary support, tertiary or consumer only, uncited", () => {
    const colours = (["strong", "weak", "uncited"] as const).map(
      (evidence) => nodeReducer("claim", { ...CLAIM, evidence }, state()).color,
    );
    expect(colours).toEqual([
      evidenceColour("strong"),
      evidenceColour("weak"),
      evidenceColour("uncited"),
    ]);
    expect(new Set(colours).size).toBe(3);
  });

  it("hides nodes the filters hide, and only those", () => {
    const s = state({ filters: filters({ hiddenTypes: new Set(["entity:Drug", "claim"]) }) });
    const hidden = ALL.filter((n) => nodeReducer(n.key, n, s).hidden).map((n) => n.key);
    expect(hidden).toEqual(["drug", "claim"]);
    const weak = { ...CLAIM, evidence: "weak" as const };
    expect(nodeReducer("claim", weak, state({ filters: filters({ hideWeak: true }) })).hidden).toBe(
      true,
    );
    expect(
      nodeReducer("claim", CLAIM, state({ filters: filters({ hideWeak: true }) })).hidden,
    ).toBe(false);
  });

  it("keeps the hovered node and its neighbours in colour, dims the rest, and labels only the budget", () => {
    const s = state({
      hovered: "drug",
      hoverSet: new Set(["drug", "claim", "target"]),
      hoverLabels: new Set(["drug", "claim"]),
    });
    for (const n of ALL) {
      const d = nodeReducer(n.key, n, s);
      const inFocus = s.hoverSet?.has(n.key) ?? false;
      const labelled = s.hoverLabels?.has(n.key) ?? false;
      expect(d.color, n.key).toBe(inFocus ? nodeColour(n) : DIMMED);
      expect(d.forceLabel, n.key).toBe(labelled);
      expect(d.label, n.key).toBe(labelled ? n.label : null);
      expect(d.zIndex, n.key).toBe(inFocus ? 2 : 0);
    }
  });

  it("in trace mode keeps the traced path in colour, dims the rest, and wins over hover", () => {
    const traced = new Set(["claim", "drug", "target", "ref", "work", "doc"].slice(0, 4));
    const s = state({
      selected: "claim",
      traced,
      hovered: "work",
      hoverSet: new Set(["work", "ref"]),
    });
    const byKey = Object.fromEntries(ALL.map((n) => [n.key, nodeReducer(n.key, n, s)]));
    expect(byKey.claim?.color).toBe(HIGHLIGHT);
    expect(byKey.drug?.color).toBe(colourOf("entity:Drug"));
    expect(byKey.target?.color).toBe(colourOf("entity:Target"));
    expect(byKey.ref?.color).toBe(colourOf("reference"));
    expect(byKey.work?.color).toBe(DIMMED);
    expect(byKey.doc?.color).toBe(DIMMED);
    expect(byKey.work?.zIndex).toBe(0);
    expect(byKey.ref?.zIndex).toBe(2);
  });

  it("draws the selected node larger, highlighted and labelled", () => {
    const d = nodeReducer("drug", DRUG, state({ selected: "drug" }));
    expect(d.size).toBeCloseTo(DRUG.size * 1.6);
    expect(d.color).toBe(HIGHLIGHT);
    expect(d.highlighted).toBe(true);
    expect(d.forceLabel).toBe(true);
    expect(d.label).toBe("desipramine");
    const other = nodeReducer("target", TARGET, state({ selected: "drug" }));
    expect(other.size).toBe(TARGET.size);
    expect(other.highlighted).toBe(false);
  });

  // Claims were unlabelled grey dots even zoomed in (#13): at rest they carry a short label
  // that sigma's label grid draws by density, forcing none.
  it("labels claims at rest for the label grid, forced only when selected, hovered or traced", () => {
    const rest = nodeReducer("claim", CLAIM, state());
    expect(rest.label).toBe(shorten(CLAIM.label));
    expect(rest.forceLabel).toBe(false);
    const hoveringOther = state({ hoverSet: new Set(["drug"]), hoverLabels: new Set(["drug"]) });
    expect(nodeReducer("claim", CLAIM, hoveringOther).label).toBeNull();
    expect(nodeReducer("claim", CLAIM, state({ selected: "claim" })).label).toBe(CLAIM.label);
    const hovered = state({ hoverSet: new Set(["claim"]), hoverLabels: new Set(["claim"]) });
    expect(nodeReducer("claim", CLAIM, hovered).forceLabel).toBe(true);
    expect(nodeReducer("claim", CLAIM, state({ traced: new Set(["claim"]) })).label).toBe(
      CLAIM.label,
    );
    expect(nodeReducer("drug", DRUG, state()).label).toBe("desipramine");
  });

  it("shortens long labels out of focus and shows them whole in focus", () => {
    const long = node("long", "reference", "Reference", `[3] ${"a very long title ".repeat(10)}`);
    const plain = nodeReducer("long", long, state()).label ?? "";
    expect(plain.length).toBe(LABEL_LENGTH);
    expect(plain.endsWith("…")).toBe(true);
    expect(long.label.startsWith(plain.slice(0, -1))).toBe(true);
    expect(nodeReducer("long", long, state({ selected: "long" })).label).toBe(long.label);
    const hovered = state({ hoverSet: new Set(["long"]), hoverLabels: new Set(["long"]) });
    expect(nodeReducer("long", long, hovered).label).toBe(long.label);
  });

  it("never changes the display node it is given (the data is not mutated)", () => {
    const frozen = Object.freeze({ ...DRUG });
    expect(() => nodeReducer("drug", frozen, state({ selected: "drug" }))).not.toThrow();
    expect(frozen).toEqual(DRUG);
  });
});

describe("edgeReducer", () => {
  it("draws edges plainly when nothing is in focus", () => {
    const d = edgeReducer("drug", "claim", state(), false, false);
    expect(d).toEqual({ color: "#c9cfda", hidden: false, size: 1, zIndex: 0 });
  });

  it("hides an edge when either end is hidden", () => {
    expect(edgeReducer("drug", "claim", state(), true, false).hidden).toBe(true);
    expect(edgeReducer("drug", "claim", state(), false, true).hidden).toBe(true);
    expect(edgeReducer("drug", "claim", state(), false, false).hidden).toBe(false);
  });

  it("emphasises edges inside the hovered neighbourhood and fades the others", () => {
    const s = state({ hovered: "drug", hoverSet: new Set(["drug", "claim"]) });
    const inside = edgeReducer("drug", "claim", s, false, false);
    const outside = edgeReducer("claim", "target", s, false, false);
    expect(inside.size).toBe(2);
    expect(inside.zIndex).toBe(1);
    expect(inside.color).not.toBe(HIGHLIGHT);
    expect(outside.size).toBe(1);
    expect(outside.color).toBe("#eef0f4");
  });

  it("draws the traced path in the highlight colour", () => {
    const s = state({ selected: "claim", traced: new Set(["claim", "ref", "doc"]) });
    expect(edgeReducer("claim", "ref", s, false, false)).toMatchObject({
      color: HIGHLIGHT,
      size: 2,
    });
    expect(edgeReducer("claim", "drug", s, false, false).color).toBe("#eef0f4");
  });
});

describe("shorten", () => {
  it("keeps labels up to the limit and cuts longer ones with an ellipsis", () => {
    expect(shorten("desipramine")).toBe("desipramine");
    expect(shorten("x".repeat(LABEL_LENGTH))).toBe("x".repeat(LABEL_LENGTH));
    expect(shorten("x".repeat(LABEL_LENGTH + 1))).toBe(`${"x".repeat(LABEL_LENGTH - 1)}…`);
  });

  it("never returns more than the limit in characters, and keeps the start of the label", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (label) => {
        const s = shorten(label);
        const chars = Array.from(s);
        expect(chars.length).toBeLessThanOrEqual(LABEL_LENGTH);
        expect(s).not.toMatch(LONE_SURROGATE);
        if (Array.from(label).length <= LABEL_LENGTH) expect(s).toBe(label);
        else expect(label.startsWith(chars.slice(0, -1).join(""))).toBe(true);
      }),
      { seed: 42 },
    );
  });

  it("does not split a character outside the Basic Multilingual Plane", () => {
    const label = `${"x".repeat(LABEL_LENGTH - 2)}𝛼-adrenergic receptor`;
    expect(shorten(label)).not.toMatch(LONE_SURROGATE);
  });
});

describe("on the seed's display nodes", () => {
  let nodes: readonly ShownNode[] = [];
  beforeAll(async () => {
    const view = project(await openKnowledgeGraph([SEED_KB]));
    nodes = view.nodes.map((n) => shownNode(n, view.documents));
  });

  it("labels every node out of focus within the length limit, forcing none", () => {
    for (const n of nodes) {
      const d = nodeReducer(n.key, n, state());
      expect(Array.from(d.label ?? "").length, n.key).toBeLessThanOrEqual(LABEL_LENGTH);
      expect(d.forceLabel, n.key).toBe(false);
    }
  });
});
