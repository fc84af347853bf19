// The viewer in a real browser (Debian's chromium, WebGL in software), on the seed served by
// the real server: it draws, search opens desipramine's claims, a click on a node opens it,
// trace mode marks a claim's references, deep links survive a reload, the filters hide what
// they name, the keyboard works, PNG and Turtle download, and nothing logs an error. One
// browser and one page for the whole file; the steps build on each other, in order.
import { readFileSync } from "node:fs";
import { Parser } from "n3";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIMMED } from "../../src/projection/palette.ts";
import type { RunningServer } from "../../src/server/server.ts";
import {
  type Browser,
  drawnPixels,
  launchBrowser,
  openViewer,
  type PageProblems,
  screenshot,
  watchProblems,
} from "../helpers/browser.ts";
import { type BuiltKb, buildSecond, SEED_KB, serveKb } from "../helpers/serve.ts";

const KB = "https://w3id.org/claimgraph/kb/";
const DESIPRAMINE = `${KB}entity/desipramine`;
const FLUOXETINE = `${KB}entity/fluoxetine`;
const NET = `${KB}entity/norepinephrine-transporter`;
const DOC = `${KB}doc/desipramine-vs-ssris`;
const REF_1 = `${KB}doc/desipramine-vs-ssris.ref-1`;
const STATPEARLS = `${KB}work/statpearls-article-20405`;
const PRIMARY_TARGET = `${KB}claim/desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0`;
/** Cites [4] [5], a clinical trial: a strong claim. */
const MEMORY = `${KB}claim/desipramine-vs-ssris.fluoxetine.increases.15f7e1a8a9f6`;
/** "Desipramine primarily inhibits the norepinephrine (NE) transporter": uncited, read by the cue "inhibits". */
const INHIBITS = `${KB}claim/desipramine-vs-ssris.desipramine.inhibits.4aaf37bab9a7`;

let browser: Browser;
let server: RunningServer;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  // Assigned as each is ready, so afterAll cleans up whichever started if the other fails.
  await Promise.all([
    launchBrowser().then((b) => {
      browser = b;
    }),
    serveKb().then((s) => {
      server = s;
    }),
  ]);
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  problems = watchProblems(page);
  await openViewer(page, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// ---------------------------------------------------------------------------------------------
// Reading the page's state through window.claimgraph

interface Display {
  hidden: boolean;
  color: string;
  size: number;
}

function state(): Promise<{
  selected: string | null;
  hovered: string | null;
  traced: string[] | null;
  hiddenTypes: string[];
  hideWeak: boolean;
  uncitedOnly: boolean;
  document: string | null;
}> {
  return page.evaluate(() => {
    const s = (window as unknown as { claimgraph: { state(): CgState } }).claimgraph.state();
    return {
      selected: s.selected,
      hovered: s.hovered,
      traced: s.traced ? [...s.traced] : null,
      hiddenTypes: [...s.filters.hiddenTypes],
      hideWeak: s.filters.hideWeak,
      uncitedOnly: s.filters.uncitedOnly,
      document: s.filters.document,
    };
  });
}

interface CgState {
  selected: string | null;
  hovered: string | null;
  traced: Set<string> | null;
  filters: {
    hiddenTypes: Set<string>;
    hideWeak: boolean;
    uncitedOnly: boolean;
    document: string | null;
  };
}

/** What sigma draws for a node now (its reducer's output). */
function display(p: Page, key: string): Promise<Display> {
  return p.evaluate((k) => {
    const cg = (window as unknown as { claimgraph: { renderer: SigmaLike } }).claimgraph;
    const d = cg.renderer.getNodeDisplayData(k);
    if (!d) throw new Error(`${k} is not drawn`);
    return { hidden: d.hidden, color: d.color, size: d.size };
  }, key);
}

interface SigmaLike {
  getNodeDisplayData(key: string): { hidden: boolean; color: string; size: number } | undefined;
  graphToViewport(p: XY): XY;
  getContainer(): HTMLElement;
  getCamera(): { isAnimated(): boolean; setState(s: Record<string, number>): void };
  refresh(): void;
}

/**
 * Where a node is on the page, in CSS pixels. sigma's graphToViewport takes graph coordinates
 * (the data graph's x, y), not the display data's, which sigma has already normalised.
 */
function nodeOnPage(key: string): Promise<{ x: number; y: number }> {
  return page.evaluate((k) => {
    const cg = (
      window as unknown as {
        claimgraph: { renderer: SigmaLike; graph: { getNodeAttributes(k: string): XY } };
      }
    ).claimgraph;
    const v = cg.renderer.graphToViewport(cg.graph.getNodeAttributes(k));
    const box = cg.renderer.getContainer().getBoundingClientRect();
    return { x: box.left + v.x, y: box.top + v.y };
  }, key);
}

interface XY {
  x: number;
  y: number;
}

async function cameraAtRest(): Promise<void> {
  await page.waitForFunction(
    () =>
      !(window as unknown as { claimgraph: { renderer: SigmaLike } }).claimgraph.renderer
        .getCamera()
        .isAnimated(),
  );
}

async function resetCamera(): Promise<void> {
  await cameraAtRest();
  await page.evaluate(() => {
    const r = (window as unknown as { claimgraph: { renderer: SigmaLike } }).claimgraph.renderer;
    r.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    r.refresh();
  });
}

const details = () => page.getByRole("region", { name: "Details" });

async function selected(id: string): Promise<void> {
  await page.waitForSelector(`#details[data-selected="${id}"]`);
  expect((await state()).selected).toBe(id);
}

async function clearSelection(): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("Escape");
  await page.waitForFunction(
    () =>
      (window as unknown as { claimgraph: { state(): CgState } }).claimgraph.state().selected ===
      null,
  );
}

// ---------------------------------------------------------------------------------------------

describe("the seed in the viewer", () => {
  it("draws the graph on the canvas", async () => {
    expect(await page.getAttribute("body", "data-ready")).toBe("true");
    expect(await page.textContent("#status")).toBe(
      `${server.view.nodes.length} nodes, ${server.view.edges.length} links.`,
    );
    const pixels = await drawnPixels(page);
    expect(pixels).toBeGreaterThan(5000);
    await screenshot(page, "viewer-overview");
  });

  it("search: typing desipramine and choosing the suggestion with the keyboard opens its claims", async () => {
    const search = page.getByRole("searchbox");
    await search.fill("desipramine");
    const options = page.locator("#suggestions [role=option]");
    await options.first().waitFor();
    expect(await options.first().getAttribute("data-id")).toBe(DESIPRAMINE);
    expect(await options.first().getAttribute("aria-selected")).toBe("true");
    await search.press("ArrowDown");
    expect(await options.nth(1).getAttribute("aria-selected")).toBe("true");
    expect(await search.getAttribute("aria-activedescendant")).toBe("suggestion-1");
    await search.press("ArrowUp");
    expect(await options.first().getAttribute("aria-selected")).toBe("true");
    await search.press("Enter");
    await selected(DESIPRAMINE);
    expect(await page.isHidden("#suggestions")).toBe(true);
    await expect.poll(() => details().locator("h2").first().textContent()).toBe("desipramine");
    // Its claims, grouped by predicate: the primary target, NET, citing StatPearls [1].
    const net = details()
      .locator("li")
      .filter({ has: page.getByRole("button", { name: "norepinephrine transporter" }) })
      .filter({ hasText: "[1]" });
    expect(await net.count()).toBeGreaterThanOrEqual(1);
    expect(await net.first().textContent()).toContain("[1] · line 21");
    expect(await details().textContent()).toMatch(/primary target \(1\)/);
    await cameraAtRest();
    await screenshot(page, "viewer");
  });

  // The option the arrow keys are on is highlighted.
  it("shows which suggestion the arrow keys are on", async () => {
    const search = page.getByRole("searchbox");
    await search.fill("desip");
    const options = page.locator("#suggestions [role=option]");
    await options.first().waitFor();
    const backgrounds = await options.evaluateAll((els) =>
      els.map((el) => getComputedStyle(el).backgroundColor),
    );
    await search.press("Escape");
    expect(backgrounds.length).toBeGreaterThan(1);
    expect(backgrounds[0]).not.toBe(backgrounds[1]);
  });

  it("search: choosing the suggestion with the mouse opens it too", async () => {
    await clearSelection();
    const search = page.getByRole("searchbox");
    await search.fill("NET");
    const option = page.locator("#suggestions [role=option]").first();
    await option.waitFor();
    expect(await option.textContent()).toContain("norepinephrine transporter");
    expect(await option.textContent()).toContain("NET");
    await option.click();
    await selected(NET);
    expect(await search.inputValue()).toBe("norepinephrine transporter");
    await expect
      .poll(() => details().locator("h2").first().textContent())
      .toBe("norepinephrine transporter");
  });

  it("clicking a node where sigma draws it opens its details; hovering lights its neighbours", async () => {
    await clearSelection();
    await resetCamera();
    const at = await nodeOnPage(FLUOXETINE);
    await page.mouse.move(at.x, at.y);
    await expect.poll(async () => (await state()).hovered).toBe(FLUOXETINE);
    // Hovering keeps fluoxetine's neighbourhood in colour and dims the rest.
    expect((await display(page, DESIPRAMINE)).color).toBe(DIMMED);
    expect((await display(page, FLUOXETINE)).color).not.toBe(DIMMED);
    await page.mouse.click(at.x, at.y);
    await selected(FLUOXETINE);
    await expect.poll(() => details().locator("h2").first().textContent()).toBe("fluoxetine");
    // Leave through an empty corner of the graph: sigma 3.0.3 keeps drawing a node as hovered
    // when the mouse leaves the container straight from it (jacomyal/sigma.js#1327).
    const box = await page.locator("#graph").boundingBox();
    await page.mouse.move((box?.x ?? 0) + 3, (box?.y ?? 0) + (box?.height ?? 0) - 3);
    await expect.poll(async () => (await state()).hovered).toBeNull();
  });

  it("trace mode: a claim's references are marked and the graph holds its path", async () => {
    await page.evaluate((id) => {
      void (
        window as unknown as { claimgraph: { select(id: string): Promise<void> } }
      ).claimgraph.select(id);
    }, DESIPRAMINE);
    await selected(DESIPRAMINE);
    // Click the claim in desipramine's panel: primary target → NET [1].
    await details()
      .locator("li")
      .filter({ hasText: "[1] · line 21" })
      .getByRole("button", { name: "norepinephrine transporter" })
      .click();
    await selected(PRIMARY_TARGET);
    expect(await page.locator("#details li[data-reference]").count()).toBe(1);
    expect(await page.locator('#details li[data-traced="true"]').count()).toBe(0);
    expect((await state()).traced).toBeNull();

    await page.getByRole("checkbox", { name: "Trace mode" }).check();
    const traced = page.locator('#details li[data-traced="true"]');
    await traced.first().waitFor();
    expect(await traced.count()).toBe(1);
    expect(await traced.first().getAttribute("data-reference")).toBe(REF_1);
    expect(await traced.first().textContent()).toContain("Desipramine - StatPearls");
    const s = await state();
    expect(s.traced).toEqual(
      expect.arrayContaining([PRIMARY_TARGET, DESIPRAMINE, NET, REF_1, STATPEARLS, DOC]),
    );
    expect(s.traced).toHaveLength(6);
    // Drawn: the path in colour, the rest dimmed.
    expect((await display(page, REF_1)).color).not.toBe(DIMMED);
    expect((await display(page, FLUOXETINE)).color).toBe(DIMMED);
    expect(page.url()).toContain("trace=1");
    await cameraAtRest();
    await screenshot(page, "viewer-claim");
  });

  it("a deep link restores the selection, trace mode and filters after a reload", async () => {
    await page.getByRole("checkbox", { name: /Hide claims resting only/ }).check();
    expect(page.url()).toContain("weak=hide");
    expect(page.url()).toContain(`node=${encodeURIComponent(PRIMARY_TARGET)}`);
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    await selected(PRIMARY_TARGET);
    expect(await page.isChecked("#hide-weak")).toBe(true);
    expect(await page.isChecked("#trace-mode")).toBe(true);
    expect(await page.isChecked("#uncited-only")).toBe(false);
    await page.locator('#details li[data-traced="true"]').first().waitFor();
    const s = await state();
    expect(s.hideWeak).toBe(true);
    expect(s.traced).toContain(REF_1);
    // Back to no filter and no trace, for the next steps.
    await page.uncheck("#hide-weak");
    await page.uncheck("#trace-mode");
    expect(page.url()).not.toContain("weak=");
    expect(page.url()).not.toContain("trace=");
  });

  it("filters: hiding a node type hides its nodes and their edges", async () => {
    const drugs = page.locator('input[data-type="entity:Drug"]');
    await drugs.uncheck();
    expect((await state()).hiddenTypes).toEqual(["entity:Drug"]);
    expect((await display(page, DESIPRAMINE)).hidden).toBe(true);
    expect((await display(page, FLUOXETINE)).hidden).toBe(true);
    expect((await display(page, NET)).hidden).toBe(false);
    const edgesHidden = await page.evaluate((k) => {
      const cg = (
        window as unknown as {
          claimgraph: {
            graph: { edges(node: string): string[] };
            renderer: { getEdgeDisplayData(e: string): { hidden: boolean } | undefined };
          };
        }
      ).claimgraph;
      return cg.graph.edges(k).map((e) => cg.renderer.getEdgeDisplayData(e)?.hidden);
    }, DESIPRAMINE);
    expect(edgesHidden.length).toBeGreaterThan(10);
    expect(edgesHidden.every((h) => h === true)).toBe(true);
    expect(page.url()).toContain(`hide=${encodeURIComponent("entity:Drug")}`);
    await drugs.check();
    expect((await state()).hiddenTypes).toEqual([]);
    expect((await display(page, DESIPRAMINE)).hidden).toBe(false);
  });

  it("filters: hide-weak hides claims resting on tertiary or consumer sources only", async () => {
    await page.check("#hide-weak");
    expect((await state()).hideWeak).toBe(true);
    expect((await display(page, PRIMARY_TARGET)).hidden).toBe(true);
    expect((await display(page, MEMORY)).hidden).toBe(false);
    expect((await display(page, INHIBITS)).hidden).toBe(false);
    await page.uncheck("#hide-weak");
    expect((await display(page, PRIMARY_TARGET)).hidden).toBe(false);
  });

  it("filters: uncited-only leaves the uncited claims and the other kinds of node", async () => {
    await page.check("#uncited-only");
    expect((await state()).uncitedOnly).toBe(true);
    expect((await display(page, INHIBITS)).hidden).toBe(false);
    expect((await display(page, PRIMARY_TARGET)).hidden).toBe(true);
    expect((await display(page, MEMORY)).hidden).toBe(true);
    expect((await display(page, DESIPRAMINE)).hidden).toBe(false);
    expect(page.url()).toContain("uncited=1");
    const shownClaims = await page.evaluate(() => {
      const cg = (
        window as unknown as {
          claimgraph: {
            graph: { filterNodes(f: (k: string, a: { kind: string }) => boolean): string[] };
            renderer: { getNodeDisplayData(k: string): { hidden: boolean } | undefined };
          };
        }
      ).claimgraph;
      return cg.graph
        .filterNodes((_, a) => a.kind === "claim")
        .filter((k) => !cg.renderer.getNodeDisplayData(k)?.hidden).length;
    });
    expect(shownClaims).toBe(21);
    await page.uncheck("#uncited-only");
  });

  it("filters: the document filter lists the seed's document", async () => {
    const select = page.getByRole("combobox", { name: "Document" });
    expect(await select.locator("option").allTextContents()).toEqual([
      "All documents",
      "Mechanisms of Action: A Comparative Overview",
    ]);
    await select.selectOption(DOC);
    expect((await state()).document).toBe(DOC);
    expect(page.url()).toContain(`doc=${encodeURIComponent(DOC)}`);
    expect((await display(page, PRIMARY_TARGET)).hidden).toBe(false);
    await select.selectOption("");
    expect((await state()).document).toBeNull();
  });

  it("keyboard: Esc clears the selection, / focuses the search", async () => {
    await page.evaluate((id) => {
      void (
        window as unknown as { claimgraph: { select(id: string): Promise<void> } }
      ).claimgraph.select(id);
    }, DESIPRAMINE);
    await selected(DESIPRAMINE);
    await clearSelection();
    expect(await details().textContent()).toContain("Click a node or an edge, or search");
    expect(page.url()).not.toContain("node=");
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search");
    expect(await page.getByRole("searchbox").inputValue()).not.toContain("/");
    // Esc in the search box closes the suggestions first, and leaves the selection alone.
    await page.getByRole("searchbox").fill("fluox");
    await page.locator("#suggestions [role=option]").first().waitFor();
    await page.keyboard.press("Escape");
    expect(await page.isHidden("#suggestions")).toBe(true);
    await page.getByRole("searchbox").fill("");
  });

  // Esc empties the panel and forgets the selection.
  it("keyboard: Esc also clears the panel's data-selected", async () => {
    await page.evaluate((id) => {
      void (
        window as unknown as { claimgraph: { select(id: string): Promise<void> } }
      ).claimgraph.select(id);
    }, FLUOXETINE);
    await selected(FLUOXETINE);
    await clearSelection();
    expect(await page.getAttribute("#details", "data-selected")).toBeNull();
  });

  it("keyboard: every filter can be reached with Tab", async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      reached.add(
        await page.evaluate(() => {
          const el = document.activeElement;
          return el?.getAttribute("data-type") ?? el?.id ?? "";
        }),
      );
    }
    const legend = await page
      .locator("#legend input")
      .evaluateAll((els) => els.map((el) => el.getAttribute("data-type") ?? ""));
    expect(legend.length).toBe(12);
    for (const key of [...legend, "hide-weak", "uncited-only", "document", "search", "trace-mode"])
      expect(reached, key).toContain(key);
  });

  it("Export PNG downloads a PNG of the graph", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export PNG" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("claimgraph.png");
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(100);
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(100);
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it("the Turtle link downloads the knowledge base as Turtle that parses", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download Turtle" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("kb.ttl");
    const text = readFileSync(await download.path(), "utf8");
    expect(text).toBe(readFileSync(SEED_KB, "utf8"));
    expect(new Parser({ format: "Turtle" }).parse(text).length).toBeGreaterThan(1000);
  });

  it("logged no error and threw nothing, CSP violations included", () => {
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });
});

describe("the document filter, with the seed and a second document", () => {
  const SECOND_DOC = `${KB}doc/nortriptyline-vs-sertraline`;
  let second: BuiltKb;
  let both: RunningServer;
  let page2: Page;
  let problems2: PageProblems;

  beforeAll(async () => {
    second = await buildSecond();
    both = await serveKb([SEED_KB, second.kb]);
    page2 = await browser.context.newPage();
    problems2 = watchProblems(page2);
    await openViewer(page2, both.url);
  });
  afterAll(async () => {
    await page2?.close();
    await both?.close();
    second?.remove();
  });

  it("shows one document's nodes and hides the other's", async () => {
    const second = both.view.documents.findIndex((d) => d.id === SECOND_DOC);
    const secondClaim = both.view.nodes.find(
      (n) => n.kind === "claim" && n.documents.includes(second),
    )?.key;
    expect(secondClaim).toBeDefined();
    const select = page2.getByRole("combobox", { name: "Document" });
    expect(await select.locator("option").count()).toBe(3);

    await select.selectOption(DOC);
    expect((await display(page2, PRIMARY_TARGET)).hidden).toBe(false);
    expect((await display(page2, DESIPRAMINE)).hidden).toBe(false);
    expect((await display(page2, secondClaim ?? "")).hidden).toBe(true);
    expect((await display(page2, SECOND_DOC)).hidden).toBe(true);

    await select.selectOption(SECOND_DOC);
    expect((await display(page2, PRIMARY_TARGET)).hidden).toBe(true);
    expect((await display(page2, DESIPRAMINE)).hidden).toBe(true);
    expect((await display(page2, secondClaim ?? "")).hidden).toBe(false);

    await select.selectOption("");
    expect((await display(page2, PRIMARY_TARGET)).hidden).toBe(false);
    expect(problems2.consoleErrors).toEqual([]);
    expect(problems2.pageErrors).toEqual([]);
  });
});
