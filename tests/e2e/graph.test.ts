// A readable graph (#13 points 2 and 6), in Debian's chromium on the real server: hovering
// desipramine draws at most the label budget; the legend and status counts follow the
// filters; the zoom buttons and keys move the camera (and leave keys typed into the search
// alone); Export PNG carries the title and the legend; the hostile document stays inert in
// labels, legend and export; and at scale (generated documents above the overview
// threshold) the overview's nodes do not overlap, its types lie apart, and selecting a node it
// shows draws that node's neighbourhood. Screenshots go to
// tests/artifacts/ (graph-*.png).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/corpus/generate.ts";
import { OVERVIEW_LINKS } from "../../src/projection/overview-links.ts";
import { OVERVIEW_THRESHOLD } from "../../src/projection/projection.ts";
import type { RunningServer } from "../../src/server/server.ts";
import { PICKER_OPTIONS } from "../../src/viewer/document-picker.ts";
import { HOVER_LABEL_BUDGET } from "../../src/viewer/labels.ts";
import {
  type Browser,
  launchBrowser,
  openViewer,
  type PageProblems,
  screenshot,
  watchProblems,
} from "../helpers/browser.ts";
import { groupedShare, overlaps } from "../helpers/discs.ts";
import { type BuiltKb, buildHostile, buildSources, serveKb } from "../helpers/serve.ts";

const KB = "https://w3id.org/claimgraph/kb/";
const DESIPRAMINE = `${KB}entity/desipramine`;

let browser: Browser;
let server: RunningServer;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
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

interface Hook {
  renderer: {
    refresh(): void;
    graphToViewport(p: { x: number; y: number }): { x: number; y: number };
    getContainer(): HTMLElement;
    getCamera(): {
      ratio: number;
      isAnimated(): boolean;
      setState(s: Record<string, number>): void;
    };
  };
  graph: { getNodeAttributes(k: string): { x: number; y: number } };
  state(): { hovered: string | null };
  labelsDrawn(): string[];
}

/** The labels drawn in a frame rendered now. */
function labelsDrawn(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const cg = (window as unknown as { claimgraph: Hook }).claimgraph;
    cg.renderer.refresh();
    return cg.labelsDrawn();
  });
}

function nodeOnPage(p: Page, key: string): Promise<{ x: number; y: number }> {
  return p.evaluate((k) => {
    const cg = (window as unknown as { claimgraph: Hook }).claimgraph;
    const v = cg.renderer.graphToViewport(cg.graph.getNodeAttributes(k));
    const box = cg.renderer.getContainer().getBoundingClientRect();
    return { x: box.left + v.x, y: box.top + v.y };
  }, key);
}

const ratio = (p: Page) =>
  p.evaluate(
    () => (window as unknown as { claimgraph: Hook }).claimgraph.renderer.getCamera().ratio,
  );

async function cameraAtRest(p: Page): Promise<void> {
  await p.waitForFunction(
    () => !(window as unknown as { claimgraph: Hook }).claimgraph.renderer.getCamera().isAnimated(),
  );
}

async function resetCamera(p: Page): Promise<void> {
  await cameraAtRest(p);
  await p.evaluate(() => {
    const r = (window as unknown as { claimgraph: Hook }).claimgraph.renderer;
    r.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    r.refresh();
  });
}

/**
 * Decodes a PNG in a blank page (no CSP there) and counts dark pixels in its title band (the
 * top 56 CSS pixels) and pixels of the drug colour right of the graph (the legend).
 */
async function pixelsOf(png: Buffer, graphWidth: number) {
  const blank = await browser.context.newPage();
  try {
    return await blank.evaluate(
      async ({ b64, graphWidth, drug }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement("canvas");
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext("2d") as CanvasRenderingContext2D;
        ctx.drawImage(img, 0, 0);
        const band = ctx.getImageData(0, 0, img.width, Math.round(56 * devicePixelRatio)).data;
        let titleInk = 0;
        for (let i = 0; i < band.length; i += 4)
          if ((band[i] ?? 255) < 120 && (band[i + 1] ?? 255) < 120) titleInk++;
        const legend = ctx.getImageData(graphWidth, 0, img.width - graphWidth, img.height).data;
        let legendDrugSwatch = 0;
        for (let i = 0; i < legend.length; i += 4) {
          const near = (k: number, v: number) => Math.abs((legend[i + k] ?? 0) - v) < 6;
          if (near(0, drug[0]) && near(1, drug[1]) && near(2, drug[2])) legendDrugSwatch++;
        }
        return { titleInk, legendDrugSwatch };
      },
      {
        b64: png.toString("base64"),
        graphWidth,
        drug: [0xd5, 0x5e, 0x00] as [number, number, number],
      },
    );
  } finally {
    await blank.close();
  }
}

const legendRow = (p: Page, type: string) => p.locator(`#legend li[data-type="${type}"]`);
const evidenceRow = (p: Page, key: string) => p.locator(`#evidence-key li[data-evidence="${key}"]`);

describe("the seed's graph", () => {
  it("labels some nodes at rest, by density, and saves a screenshot", async () => {
    const labels = await labelsDrawn(page);
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.length).toBeLessThan(server.view.nodes.length);
    await screenshot(page, "graph-seed");
  });

  it("hovering desipramine draws at most the label budget, desipramine's among them", async () => {
    await resetCamera(page);
    const at = await nodeOnPage(page, DESIPRAMINE);
    await page.mouse.move(at.x, at.y);
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { claimgraph: Hook }).claimgraph.state().hovered),
      )
      .toBe(DESIPRAMINE);
    const labels = await labelsDrawn(page);
    expect(labels).toContain(DESIPRAMINE);
    expect(labels.length).toBeLessThanOrEqual(HOVER_LABEL_BUDGET);
    await screenshot(page, "graph-hover-desipramine");
    const box = await page.locator("#graph").boundingBox();
    await page.mouse.move((box?.x ?? 0) + 3, (box?.y ?? 0) + (box?.height ?? 0) - 3);
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { claimgraph: Hook }).claimgraph.state().hovered),
      )
      .toBeNull();
    expect((await labelsDrawn(page)).length).toBeGreaterThan(HOVER_LABEL_BUDGET);
  });

  it("shows the evidence key with the seed's counts: 21 uncited claims", async () => {
    expect(await evidenceRow(page, "uncited").textContent()).toContain("(21)");
    const strong = await evidenceRow(page, "strong").textContent();
    const weak = await evidenceRow(page, "weak").textContent();
    const n = (t: string | null) => Number(/\((\d+)\)/.exec(t ?? "")?.[1]);
    expect(n(strong) + n(weak) + 21).toBe(84);
    expect(await legendRow(page, "claim").textContent()).toContain("(84)");
  });

  it("filters change the legend's and the status line's counts", async () => {
    const status = () => page.textContent("#status");
    expect(await status()).toBe(
      `${server.view.nodes.length} nodes, ${server.view.edges.length} links.`,
    );
    await page.check("#uncited-only");
    await expect.poll(() => legendRow(page, "claim").textContent()).toContain("(21 of 84)");
    expect(await evidenceRow(page, "strong").textContent()).toMatch(/\(0 of \d+\)/);
    expect(await evidenceRow(page, "uncited").textContent()).toContain("(21)");
    expect(await status()).toMatch(
      new RegExp(`^${158 - 84 + 21} of 158 nodes, \\d+ of \\d+ links shown\\.$`),
    );
    await page.locator('input[data-type="entity:Drug"]').uncheck();
    await expect.poll(() => legendRow(page, "entity:Drug").textContent()).toContain("(0 of 3)");
    expect(await status()).toMatch(new RegExp(`^${158 - 84 + 21 - 3} of 158 nodes`));
    await page.locator('input[data-type="entity:Drug"]').check();
    await page.uncheck("#uncited-only");
    await expect.poll(() => legendRow(page, "claim").textContent()).toContain("(84)");
    expect(await status()).toBe(
      `${server.view.nodes.length} nodes, ${server.view.edges.length} links.`,
    );
  });

  it("the zoom buttons change the camera's ratio; reset and fit return to the whole graph", async () => {
    await resetCamera(page);
    const toolbar = page.getByRole("toolbar", { name: "Zoom" });
    await toolbar.getByRole("button", { name: "Zoom in" }).click();
    await cameraAtRest(page);
    expect(await ratio(page)).toBeCloseTo(1 / 1.5, 3);
    await toolbar.getByRole("button", { name: "Zoom out" }).click();
    await cameraAtRest(page);
    await toolbar.getByRole("button", { name: "Zoom out" }).click();
    await cameraAtRest(page);
    expect(await ratio(page)).toBeCloseTo(1.5, 3);
    await toolbar.getByRole("button", { name: "Reset the view" }).click();
    await cameraAtRest(page);
    expect(await ratio(page)).toBeCloseTo(1, 3);
    await toolbar.getByRole("button", { name: "Zoom in" }).click();
    await cameraAtRest(page);
    await toolbar.getByRole("button", { name: "Fit to the nodes shown" }).click();
    await cameraAtRest(page);
    // Every node shown: fit frames the whole graph, a little wider than the opening view.
    expect(await ratio(page)).toBeGreaterThan(0.9);
    expect(await ratio(page)).toBeLessThan(1.3);
  });

  it("the keys +, - and 0 zoom, but not while typing into the search", async () => {
    await resetCamera(page);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("+");
    await cameraAtRest(page);
    expect(await ratio(page)).toBeCloseTo(1 / 1.5, 3);
    await page.keyboard.press("-");
    await cameraAtRest(page);
    await page.keyboard.press("-");
    await cameraAtRest(page);
    expect(await ratio(page)).toBeCloseTo(1.5, 3);
    await page.keyboard.press("0");
    await cameraAtRest(page);
    expect(await ratio(page)).toBeCloseTo(1, 3);
    const search = page.getByRole("searchbox");
    await search.focus();
    await page.keyboard.type("5-HT2C+0");
    expect(await search.inputValue()).toBe("5-HT2C+0");
    expect(await ratio(page)).toBeCloseTo(1, 3);
    await search.fill("");
    await search.press("Escape");
  });

  it("Export PNG carries the title and the legend: larger than the graph alone", async () => {
    const graphSize = await page.evaluate(() => {
      const c = (window as unknown as { claimgraph: Hook }).claimgraph.renderer.getContainer();
      return { width: c.clientWidth * devicePixelRatio, height: c.clientHeight * devicePixelRatio };
    });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export PNG" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("claimgraph.png");
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).toBeGreaterThanOrEqual(graphSize.width + 200);
    expect(height).toBeGreaterThanOrEqual(graphSize.height + 40);
    // Drawn: text in the title band, and the drug's swatch in the legend beside the graph.
    const seen = await pixelsOf(bytes, graphSize.width);
    expect(seen.titleInk).toBeGreaterThan(200);
    expect(seen.legendDrugSwatch).toBeGreaterThan(20);
  });

  it("logged no error and threw nothing", () => {
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });
});

describe("the hostile document's graph", () => {
  let hostile: BuiltKb;
  let served: RunningServer;
  let page2: Page;
  let problems2: PageProblems;

  beforeAll(async () => {
    hostile = await buildHostile();
    served = await serveKb([hostile.kb]);
    page2 = await browser.context.newPage();
    problems2 = watchProblems(page2);
    await openViewer(page2, served.url);
  });
  afterAll(async () => {
    await page2?.close();
    await served?.close();
    hostile?.remove();
  });

  it("draws labels, hover, legend and export without running or inserting anything", async () => {
    const labels = await labelsDrawn(page2);
    expect(labels.length).toBeGreaterThan(0);
    const hub = [...served.view.nodes].sort((a, b) => b.claims - a.claims)[0];
    if (!hub) throw new Error("the hostile view has no node");
    await cameraAtRest(page2);
    const at = await nodeOnPage(page2, hub.key);
    await page2.mouse.move(at.x, at.y);
    await expect
      .poll(() =>
        page2.evaluate(
          () => (window as unknown as { claimgraph: Hook }).claimgraph.state().hovered,
        ),
      )
      .toBe(hub.key);
    expect((await labelsDrawn(page2)).length).toBeLessThanOrEqual(HOVER_LABEL_BUDGET);
    const [download] = await Promise.all([
      page2.waitForEvent("download"),
      page2.getByRole("button", { name: "Export PNG" }).click(),
    ]);
    expect(
      readFileSync(await download.path())
        .subarray(1, 4)
        .toString("latin1"),
    ).toBe("PNG");
    const inserted = await page2.evaluate(() =>
      [...document.querySelectorAll("#legend, #evidence-key, #status, .zoom")].flatMap((root) =>
        [...root.querySelectorAll("img, script, iframe, object, embed, svg, style, link, a")].map(
          (el) => el.outerHTML.slice(0, 80),
        ),
      ),
    );
    expect(inserted).toEqual([]);
    expect(
      await page2.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    ).toBeUndefined();
    await screenshot(page2, "graph-hostile");
    expect(problems2.consoleErrors).toEqual([]);
    expect(problems2.pageErrors).toEqual([]);
  });
});

describe("at scale: generated documents above the overview threshold", () => {
  // 110 generated documents make about 3,600 nodes: over the threshold, so the page opens on
  // the overview, as at 1,000 documents (whose screenshot the bench's viewer probe takes).
  const DOCUMENTS = 110;
  let dir: string;
  let built: BuiltKb;
  let scaled: RunningServer;
  let page3: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cg-graph-scale-"));
    generateCorpus({ documents: DOCUMENTS, seed: 42, outDir: dir, seedDocument: false });
    built = await buildSources(dir);
    scaled = await serveKb([built.kb]);
    page3 = await browser.context.newPage();
    await openViewer(page3, scaled.url);
  }, 240_000);
  afterAll(async () => {
    await page3?.close();
    await scaled?.close();
    built?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("opens on the overview, whose nodes do not overlap (the API's positions and sizes)", async () => {
    expect(scaled.view.totalNodes).toBeGreaterThan(OVERVIEW_THRESHOLD);
    expect(scaled.view.overview).toBe(true);
    const answer = await page3.evaluate(async () => (await fetch("/api/view")).json());
    const nodes = (answer as { nodes: Array<{ key: string; x: number; y: number; size: number }> })
      .nodes;
    expect(nodes.length).toBeGreaterThan(100);
    expect(overlaps(nodes)).toEqual([]);
    // No claim is drawn in the overview: the evidence key says so, not "(0)".
    expect(await evidenceRow(page3, "strong").textContent()).toMatch(/\(none drawn\)$/);
  });

  it("draws each entity's strongest links and says how many weaker pairs it leaves out", async () => {
    const links = scaled.view.edges.filter((e) => e.kind === "asserts");
    expect(links.length).toBeLessThanOrEqual(OVERVIEW_LINKS * scaled.view.nodes.length);
    expect(scaled.view.linksLeftOut).toBeGreaterThan(0);
    expect(await page3.locator("#status").textContent()).toContain(
      `${scaled.view.linksLeftOut} weaker ones not drawn`,
    );
  });

  it("lays the entity types apart and labels by density", async () => {
    const type = new Map(scaled.view.nodes.map((n) => [n.key, n.type]));
    expect(groupedShare(scaled.view.nodes, (k) => type.get(k) ?? "")).toBeGreaterThan(0.8);
    const labels = await labelsDrawn(page3);
    expect(labels.length).toBeGreaterThan(5);
    expect(labels.length).toBeLessThan(scaled.view.nodes.length / 2);
    await screenshot(page3, "graph-overview-scale");
  });

  it("draws the neighbourhood of a node the overview already shows when it is selected", async () => {
    // The most connected drug of the overview: drawn, but not its claims around it.
    const drug = [...scaled.view.nodes]
      .filter((n) => n.type === "Drug")
      .sort((a, b) => b.claims - a.claims || (a.key < b.key ? -1 : 1))[0];
    if (!drug) throw new Error("the overview shows no drug");
    const around = await page3.evaluate(async (id) => {
      const r = await fetch(`/api/neighbourhood?id=${encodeURIComponent(id)}`);
      return ((await r.json()) as { nodes: Array<{ key: string }> }).nodes.map((n) => n.key);
    }, drug.key);
    const drawn = (keys: string[]) =>
      page3.evaluate(
        (ks) =>
          ks.filter((k) =>
            (
              window as unknown as { claimgraph: { graph: { hasNode(k: string): boolean } } }
            ).claimgraph.graph.hasNode(k),
          ).length,
        keys,
      );
    expect(around.length).toBeGreaterThan(10);
    expect(await drawn(around)).toBeLessThan(around.length);
    await page3.evaluate(
      (id) =>
        (
          window as unknown as { claimgraph: { select(id: string): Promise<void> } }
        ).claimgraph.select(id),
      drug.key,
    );
    expect(await drawn(around)).toBe(around.length);
  });

  it("lists at most 100 documents in each picker, and finds the others by name", async () => {
    expect(scaled.view.documents.length).toBeGreaterThan(PICKER_OPTIONS);
    // The last document by title: not among the 100 listed before anything is typed.
    const last = scaled.view.documents.at(-1);
    if (!last) throw new Error("no documents");
    const filter = page3.getByRole("combobox", { name: "Document" });
    const listed = () => filter.locator("option:not([disabled])").evaluateAll((os) => os.length);
    expect(await listed()).toBe(PICKER_OPTIONS + 1); // and "All documents"
    expect(await filter.locator(`option[value="${last.id}"]`).count()).toBe(0);
    const more = scaled.view.documents.length - PICKER_OPTIONS;
    expect(await filter.locator("option[disabled]").textContent()).toContain(`${more} more`);

    await page3.getByRole("searchbox", { name: "Find a document" }).fill(last.id.slice(-12));
    expect(await filter.locator(`option[value="${last.id}"]`).count()).toBe(1);
    expect(await listed()).toBeLessThan(10);
    await filter.selectOption(last.id);
    await page3.waitForFunction((id) => location.hash.includes(encodeURIComponent(id)), last.id);

    const reader = page3.getByRole("combobox", { name: "Text to read" });
    await page3.getByRole("searchbox", { name: "Find a text to read" }).fill(last.id.slice(-12));
    await reader.selectOption(last.id);
    await page3.waitForFunction(
      (title) => document.querySelector("#reader h2")?.textContent === title,
      last.label,
    );
    expect(await reader.inputValue()).toBe(last.id);
    await filter.selectOption("");
  });
});
