// The claims table and the comparison matrix in a real browser (Debian's chromium), on the
// seed served by the real server: the question "what is the quote behind desipramine's
// primary target, and which source backs it" answered in two clicks from a fresh page; the
// matrix's cells (a claim, a null cell, an empty cell); the table sorting, selecting (row →
// Details, graph → row), following the viewer's filters and downloading the rows shown as CSV;
// and, on the hostile document, every payload staying text in both views. Steps build on each
// other, in order; one browser for the file.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/server.ts";
import { type Browser, openViewer, type PageProblems, screenshot } from "../helpers/browser.ts";
import { type BuiltKb, buildHostile, serveKb } from "../helpers/serve.ts";
import { ViewerSession } from "../helpers/viewer-session.ts";

const KB = "https://w3id.org/claimgraph/kb/";
const DESIPRAMINE = `${KB}entity/desipramine`;
const SSRIS = `${KB}entity/selective-serotonin-reuptake-inhibitors`;
const FLUOXETINE = `${KB}entity/fluoxetine`;
const PRIMARY_TARGET = `${KB}claim/desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0`;
/** "Desipramine primarily inhibits the norepinephrine (NE) transporter": uncited. */
const INHIBITS = `${KB}claim/desipramine-vs-ssris.desipramine.inhibits.4aaf37bab9a7`;

const session = new ViewerSession();
let browser: Browser;
let server: RunningServer;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  ({ browser, server, page, problems } = await session.start());
});

afterAll(() => session.close());

const details = () => page.locator("#details");
const selected = () =>
  page.evaluate(
    () =>
      (
        window as unknown as { claimgraph: { state(): { selected: string | null } } }
      ).claimgraph.state().selected,
  );

/** The button of `claim` in the matrix cell of `row` (a predicate's label) × `column`. */
function matrixCell(rowLabel: string, column: string) {
  return page
    .locator("#matrix tbody tr")
    .filter({ has: page.locator("th[scope=row]", { hasText: new RegExp(`^${rowLabel}$`) }) })
    .locator(`td[data-column="${column}"]`);
}

describe("two clicks from the opening view", () => {
  it("answers the quote behind desipramine's primary target and the source that backs it", async () => {
    await openViewer(page, server.url);
    // Click 1: the Matrix tab, visible on the opening view.
    await page.getByRole("tab", { name: "Matrix" }).click();
    // Click 2: desipramine × primary target.
    await matrixCell("primary target", DESIPRAMINE).getByRole("button").click();
    await expect.poll(selected).toBe(PRIMARY_TARGET);
    await expect.poll(() => details().getAttribute("data-selected")).toBe(PRIMARY_TARGET);
    expect(await details().locator("blockquote mark").textContent()).toBe(
      "Norepinephrine Transporter (NET) [1]",
    );
    const source = await details().locator("ul.references li").first().textContent();
    expect(source).toContain("[1]");
    expect(source).toContain("Desipramine - StatPearls - NCBI Bookshelf - NIH");
    expect(source).toContain("ncbi.nlm.nih.gov");
    await screenshot(page, "viewer-matrix");
  });
});

describe("the comparison matrix of the seed", () => {
  it("shows desipramine × primary target as the NET claim citing [1], the SSRIs' as SERT [2]", async () => {
    const cell = matrixCell("primary target", DESIPRAMINE);
    expect(await cell.getAttribute("data-state")).toBe("claims");
    expect(await cell.getByRole("button").textContent()).toBe("norepinephrine transporter [1]");
    expect(await cell.getByRole("button").getAttribute("aria-current")).toBe("true");
    expect(await matrixCell("primary target", SSRIS).locator("ul").textContent()).toBe(
      "serotonin transporter [2]",
    );
    // Under the claims, the support of what the cell says (#15): one document, one work.
    expect(await matrixCell("primary target", SSRIS).locator(".badge").allTextContents()).toEqual([
      "1 work",
    ]);
    const columns = await page
      .locator("#matrix thead th[data-column]")
      .evaluateAll((ths) => ths.map((th) => th.getAttribute("data-column")));
    expect(columns).toEqual([DESIPRAMINE, SSRIS, FLUOXETINE, `${KB}entity/mirtazapine`]);
  });

  it("shows a null cell as not stated and a cell without claims as empty, distinctly", async () => {
    const notStated = matrixCell("key mechanism", SSRIS);
    expect(await notStated.getAttribute("data-state")).toBe("null");
    expect(await notStated.textContent()).toBe("not stated ");
    const empty = matrixCell("primary target", FLUOXETINE);
    expect(await empty.getAttribute("data-state")).toBe("empty");
    expect(await empty.textContent()).toBe("—");
    const look = (l: ReturnType<typeof matrixCell>) =>
      l.evaluate(
        (td) =>
          getComputedStyle(td).backgroundImage + getComputedStyle(td.firstElementChild ?? td).color,
      );
    expect(await look(notStated)).not.toBe(await look(empty));
  });
});

describe("the claims table", () => {
  const region = () => page.getByRole("region", { name: "Claims", exact: true });
  const rows = () => region().locator("tbody tr");
  const column = (i: number) =>
    rows().evaluateAll((trs, n) => trs.map((tr) => tr.children[n]?.textContent ?? ""), i);

  it("opens on the Claims tab with every claim of the seed, the selected one marked", async () => {
    await page.getByRole("tab", { name: "Claims" }).click();
    await expect.poll(() => rows().count()).toBeGreaterThan(0);
    expect(await page.locator("#matrix").isHidden()).toBe(true);
    const all = await page.evaluate(async () => (await (await fetch("/api/claims")).json()).all);
    expect(await rows().count()).toBe(Math.min(100, all));
    expect(await region().locator("table thead th").allTextContents()).toEqual([
      "Subject",
      "Predicate",
      "Object or value",
      "Citations",
      "Evidence type",
      "Document",
      "Line",
    ]);
    const marked = region().locator("tr[aria-selected=true]");
    expect(await marked.getAttribute("data-claim")).toBe(PRIMARY_TARGET);
  });

  it("sorts by a column when its header is clicked, ascending then descending", async () => {
    const subject = region().locator("th[data-column=subject]");
    expect(await subject.getAttribute("aria-sort")).toBe("none");
    await subject.getByRole("button").click();
    await expect
      .poll(() => region().locator("th[data-column=subject]").getAttribute("aria-sort"))
      .toBe("ascending");
    const up = await column(0);
    expect(up).toEqual(
      [...up].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase(), "en")),
    );
    expect(new Set(up).size).toBeGreaterThan(2);
    await region().locator("th[data-column=subject]").getByRole("button").click();
    await expect
      .poll(() => region().locator("th[data-column=subject]").getAttribute("aria-sort"))
      .toBe("descending");
    const down = await column(0);
    expect(down).toEqual(
      [...up].reverse().sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase(), "en")),
    );
    expect(down[0]).not.toBe(up[0]);
  });

  it("selects a row's claim in the graph and Details", async () => {
    await region().locator(`tr[data-claim="${INHIBITS}"]`).click();
    await expect.poll(selected).toBe(INHIBITS);
    await expect.poll(() => details().getAttribute("data-selected")).toBe(INHIBITS);
    expect(await details().locator("blockquote mark").textContent()).toBe(
      "Desipramine primarily inhibits the norepinephrine (NE) transporter",
    );
    expect(await region().locator("tr[aria-selected=true]").getAttribute("data-claim")).toBe(
      INHIBITS,
    );
  });

  it("marks and scrolls to the row of a claim clicked in the graph", async () => {
    // Scroll the table away from the row first.
    const row = region().locator(`tr[data-claim="${PRIMARY_TARGET}"]`);
    const inView = async () => {
      const [r, view] = await Promise.all([
        row.boundingBox(),
        region().locator(".table-scroll").boundingBox(),
      ]);
      // Within a pixel: the browser places rows at fractions of one.
      return Boolean(r && view && r.y >= view.y - 1 && r.y + r.height <= view.y + view.height + 1);
    };
    await region()
      .locator(".table-scroll")
      .evaluate((el) => el.scrollTo(0, 0));
    expect(await inView()).toBe(false);
    await page.evaluate((id) => {
      const cg = (window as unknown as { claimgraph: { renderer: SigmaLike } }).claimgraph;
      const d = cg.renderer.getNodeDisplayData(id);
      if (!d) throw new Error(`${id} is not drawn`);
      cg.renderer.getCamera().setState({ x: d.x, y: d.y, ratio: 0.02 });
      cg.renderer.refresh();
    }, PRIMARY_TARGET);
    const box = await page.locator("#graph").boundingBox();
    if (!box) throw new Error("the graph is not on the page");
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(centre.x, centre.y);
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (
              window as unknown as { claimgraph: { state(): { hovered: string | null } } }
            ).claimgraph.state().hovered,
        ),
      )
      .toBe(PRIMARY_TARGET);
    await page.mouse.click(centre.x, centre.y);
    await expect.poll(selected).toBe(PRIMARY_TARGET);
    await expect.poll(() => row.getAttribute("aria-selected")).toBe("true");
    expect(await inView()).toBe(true);
    // The graph back at its opening view, for the screenshot (once the selection's camera
    // move is over).
    await page.waitForFunction(
      () =>
        !(window as unknown as { claimgraph: { renderer: SigmaLike } }).claimgraph.renderer
          .getCamera()
          .isAnimated(),
    );
    await page.evaluate(() => {
      const cg = (window as unknown as { claimgraph: { renderer: SigmaLike } }).claimgraph;
      cg.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1 });
    });
    await screenshot(page, "viewer-table");
  });

  it("follows the text filter and the viewer's filters", async () => {
    const before = await rows().count();
    await page.getByLabel("Filter claims").fill("desipramine adverse");
    await page.getByLabel("Filter claims").press("Enter");
    await expect.poll(() => rows().count()).toBeLessThan(before);
    for (const subject of await column(0)) expect(subject).toBe("desipramine");
    for (const predicate of await column(1)) expect(predicate).toBe("adverse effect risk");
    await page.getByLabel("Uncited claims only").check();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await column(2)).toEqual(["nausea / GI distress"]);
    await page.getByLabel("Uncited claims only").uncheck();
    await expect.poll(() => rows().count()).toBe(8);
  });

  it("downloads exactly the rows shown as CSV", async () => {
    const shown = await rows().evaluateAll((trs) =>
      trs.map((tr) => [
        ...[...tr.children].map((td) => td.textContent ?? ""),
        tr.getAttribute("data-claim") ?? "",
      ]),
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      region().getByRole("button", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("claims.csv");
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const [header, ...records] = parseCsv(Buffer.concat(chunks).toString("utf8"));
    expect(header).toEqual([
      "Subject",
      "Predicate",
      "Object or value",
      "Citations",
      "Evidence type",
      "Document",
      "Line",
      "Claim",
    ]);
    expect(records).toEqual(shown);
    expect(records).toHaveLength(8);
  });

  it("logged no error and broke no policy", () => {
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
});

describe("the hostile document in the table and the matrix", () => {
  let built: BuiltKb;
  let hostile: RunningServer;
  let hostilePage: Page;

  beforeAll(async () => {
    built = await buildHostile();
    hostile = await serveKb([built.kb]);
    hostilePage = await browser.context.newPage();
    await hostilePage.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => {
        w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await openViewer(hostilePage, hostile.url);
  });

  afterAll(async () => {
    await hostilePage?.close();
    await hostile?.close();
    built?.remove();
  });

  it("shows every payload as text: no element, handler or script comes from the document", async () => {
    const p = hostilePage;
    await p.getByRole("tab", { name: "Claims" }).click();
    await expect.poll(() => p.locator("#claims tbody tr").count()).toBeGreaterThan(0);
    const cells = await p.locator("#claims tbody").textContent();
    expect(cells).toContain("<img src=x onerror=window.__pwned=1>");
    await p.getByRole("tab", { name: "Matrix" }).click();
    await expect.poll(() => p.locator("#matrix table").count()).toBe(1);
    const matrix = await p.locator("#matrix").textContent();
    expect(matrix).toContain("<script>window.__pwned=1</script>");
    // Every claim button of the matrix opens its claim, payloads included.
    await p.locator("#matrix [data-claim]").first().click();
    const found = await p.evaluate(() =>
      [...document.querySelectorAll("#claims, #matrix")].flatMap((root) =>
        [
          ...root.querySelectorAll(
            "img, script, iframe, object, embed, svg, style, link, a, [style]",
          ),
        ].map((el) => el.outerHTML.slice(0, 80)),
      ),
    );
    expect(found).toEqual([]);
    expect(
      await p.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    ).toBeUndefined();
    expect(
      await p.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    ).toEqual([]);
  });
});

interface SigmaLike {
  getNodeDisplayData(key: string): { x: number; y: number } | undefined;
  getCamera(): { isAnimated(): boolean; setState(s: Record<string, number>): void };
  refresh(): void;
}

/** RFC 4180: fields split by commas, quoted fields with doubled quotes, records ended by CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += ch;
  }
  expect(field, "the last record ends with CRLF").toBe("");
  return records;
}
