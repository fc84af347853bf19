// The reader (the region "Document") in a real browser, at 1400×900: the seed's text with a
// mark per claim span beside the graph, never over it; a click on a mark selects its claim in
// Details; selecting desipramine marks every span of its claims; a citation marker selects its
// reference; with two documents a picker, and a deep link that restores the document and the
// reading position; the hostile document's payloads stay text. One browser for the file.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentText } from "../../src/server/contract.ts";
import type { RunningServer } from "../../src/server/server.ts";
import { openViewer, type PageProblems, screenshot } from "../helpers/browser.ts";
import { type BuiltKb, buildHostile, buildSecond, SEED_KB, serveKb } from "../helpers/serve.ts";
import { ViewerSession } from "../helpers/viewer-session.ts";

const KB = "https://w3id.org/claimgraph/kb/";
const DESIPRAMINE = `${KB}entity/desipramine`;
const DOC = `${KB}doc/desipramine-vs-ssris`;
const REF_1 = `${KB}doc/desipramine-vs-ssris.ref-1`;
const PRIMARY_TARGET = `${KB}claim/desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0`;
/** Three claims (one per object) of one cell: marks of the same extent, nested. */
const RECEPTOR_CELL = "Significant anticholinergic, antihistaminic, and α1-adrenergic blockade";

const session = new ViewerSession();
let seed: RunningServer;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  ({ server: seed, page, problems } = await session.start());
  await openViewer(page, seed.url);
});

afterAll(() => session.close());

async function documentAnswer(server: RunningServer, id = ""): Promise<DocumentText> {
  const res = await fetch(`${server.url}api/document?id=${encodeURIComponent(id)}`);
  return (await res.json()) as DocumentText;
}

async function select(id: string): Promise<void> {
  await page.evaluate(
    (k) =>
      (
        window as unknown as { claimgraph: { select(id: string): Promise<void> } }
      ).claimgraph.select(k),
    id,
  );
  await detailsShow(id);
}

function detailsShow(id: string) {
  return page.waitForSelector(`#details[data-selected="${id.replace(/["\\]/g, "\\$&")}"]`);
}

/** The address's fragment as the page has it now (page.url() can lag behind replaceState). */
const hash = () => page.evaluate(() => location.hash);

const selected = () =>
  page.evaluate(
    () =>
      (
        window as unknown as { claimgraph: { state(): { selected: string | null } } }
      ).claimgraph.state().selected,
  );

/** The distinct spans (claim.span) marked "hit" in the reader, and whether the first is in view. */
function hitSpans(): Promise<{ spans: string[]; firstInView: boolean }> {
  return page.evaluate(() => {
    const hits = [...document.querySelectorAll<HTMLElement>("#reader mark.hit")];
    const body = document.querySelector(".reader-body")?.getBoundingClientRect();
    const first = hits[0]?.getBoundingClientRect();
    return {
      spans: [...new Set(hits.map((m) => m.dataset.span ?? ""))],
      firstInView: !!body && !!first && first.top >= body.top && first.bottom <= body.bottom,
    };
  });
}

describe("the reader on the seed", () => {
  it("shows the document's text in the region Document, a mark per claim span, beside the graph", async () => {
    const reader = page.getByRole("region", { name: "Document" });
    await reader.waitFor();
    const answer = await documentAnswer(seed);
    expect(answer.id).toBe(DOC);
    const text = (await reader.locator(".reader-text").textContent()) ?? "";
    expect(text.replace(/\s+/g, " ")).toBe((answer.text ?? "").replace(/\s+/g, " "));
    const spans = await reader
      .locator("mark.claim-mark")
      .evaluateAll((marks) => new Set(marks.map((m) => (m as HTMLElement).dataset.span)).size);
    expect(spans).toBe(answer.claims.reduce((n, c) => n + c.spans.length, 0));
    const net = reader.locator(`mark[data-claim="${PRIMARY_TARGET}"]`);
    expect(await net.textContent()).toBe("Norepinephrine Transporter (NET)");
    expect(await net.getAttribute("title")).toBe(
      "desipramine · primary target · norepinephrine transporter",
    );
    expect(await net.getAttribute("data-evidence")).toBe("weak");
    expect(await net.getAttribute("data-kind")).toBe("TableCellClaim");
    // The reader and the graph share the page without overlapping.
    const graph = await page.locator("#graph").boundingBox();
    const box = await reader.boundingBox();
    expect(graph && box && graph.height > 300 && box.height > 200).toBe(true);
    expect((graph?.y ?? 0) + (graph?.height ?? 0)).toBeLessThanOrEqual((box?.y ?? 0) + 0.5);
  });

  it("selects a claim in Details when its mark is clicked", async () => {
    await page.locator(`#reader mark[data-claim="${PRIMARY_TARGET}"]`).click();
    await detailsShow(PRIMARY_TARGET);
    expect(await selected()).toBe(PRIMARY_TARGET);
    expect(await page.locator("#details").textContent()).toContain("Norepinephrine Transporter");
    expect(
      await page.locator(`#reader mark.selected[data-claim="${PRIMARY_TARGET}"]`).count(),
    ).toBe(1);
    await screenshot(page, "viewer-reader");
  });

  it("reaches every claim of nested marks of one extent by clicking again", async () => {
    const cell = page.locator("#reader mark.claim-mark", { hasText: RECEPTOR_CELL }).last();
    const claims = new Set<string>();
    for (let i = 0; i < 3; i++) {
      await cell.click();
      await page.waitForFunction(
        (seen) => {
          const s = (
            window as unknown as { claimgraph: { state(): { selected: string } } }
          ).claimgraph.state().selected;
          return !seen.includes(s);
        },
        [...claims],
      );
      claims.add((await selected()) ?? "");
    }
    expect(claims.size).toBe(3);
  });

  it("marks every span of desipramine's claims when desipramine is selected, and scrolls to them", async () => {
    await select(DESIPRAMINE);
    const answer = await documentAnswer(seed);
    const expected = answer.claims
      .filter((c) => c.nodes.includes(DESIPRAMINE))
      .flatMap((c) => c.spans.map((_, i) => `${answer.claims.indexOf(c)}.${i}`));
    const { spans, firstInView } = await hitSpans();
    expect(expected.length).toBeGreaterThan(20);
    expect(spans.sort()).toEqual(expected.sort());
    expect(firstInView).toBe(true);
  });

  it("selects a reference when its citation marker is clicked", async () => {
    const marker = page.locator(`#reader button.cite[data-reference="${REF_1}"]`).first();
    expect(await marker.textContent()).toBe("[1]");
    await marker.click();
    await detailsShow(REF_1);
    expect(await selected()).toBe(REF_1);
    const answer = await documentAnswer(seed);
    const citing = answer.claims.filter((c) => c.nodes.includes(REF_1));
    expect((await hitSpans()).spans.length).toBe(citing.reduce((n, c) => n + c.spans.length, 0));
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  it("makes the markers one Tab stop: arrows move between them, Enter selects", async () => {
    const tabbable = page.locator('#reader button.cite[tabindex="0"]');
    expect(await tabbable.count()).toBe(1);
    await tabbable.focus();
    await page.keyboard.press("ArrowRight");
    const second = await page.evaluate(() => {
      const all = [...document.querySelectorAll("#reader button.cite")];
      return all.indexOf(document.activeElement as Element);
    });
    expect(second).toBe(1);
    expect(await tabbable.count()).toBe(1);
    const ref = await page.evaluate(
      () => (document.activeElement as HTMLElement).dataset.reference ?? "",
    );
    await page.keyboard.press("Enter");
    await detailsShow(ref);
    expect(await selected()).toBe(ref);
  });

  it("hides and shows again with the Reader button, at the same place", async () => {
    const body = page.locator(".reader-body");
    const earlier = await hash();
    await body.evaluate((b) => {
      b.scrollTop = b.scrollHeight / 3;
    });
    await page.waitForFunction(
      (was) => location.hash !== was && /[#&]at=\d+/.test(location.hash),
      earlier,
    );
    const before = await body.evaluate((b) => b.scrollTop);
    const at = /[#&]at=(\d+)/.exec(await hash())?.[1];
    const toggle = page.getByRole("button", { name: "Reader" });
    await toggle.click();
    expect(await page.getByRole("region", { name: "Document" }).isHidden()).toBe(true);
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    expect(await hash()).toContain("reader=hidden");
    expect(await hash()).toContain(`at=${at}`);
    await toggle.click();
    expect(await page.getByRole("region", { name: "Document" }).isVisible()).toBe(true);
    expect(Math.abs((await body.evaluate((b) => b.scrollTop)) - before)).toBeLessThan(30);
  });
});

describe("the reader with two documents", () => {
  let second: BuiltKb;
  let both: RunningServer;

  beforeAll(async () => {
    second = await buildSecond();
    both = await serveKb([SEED_KB, second.kb]);
    await openViewer(page, both.url);
  });
  const picker = () => page.getByRole("combobox", { name: "Text to read" });
  afterAll(async () => {
    await both?.close();
    second?.remove();
  });

  it("picks a document, and a deep link restores the document and the reading position", async () => {
    const options = await picker()
      .locator("option")
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(options).toHaveLength(2);
    const first = (await documentAnswer(both)).id;
    const other = options.find((o) => o !== first) ?? "";
    await picker().selectOption(other);
    await page.waitForFunction((id) => location.hash.includes(encodeURIComponent(id)), other);
    const otherText = (await documentAnswer(both, other)).text ?? "";
    expect(
      ((await page.locator("#reader .reader-text").textContent()) ?? "").replace(/\s+/g, " "),
    ).toBe(otherText.replace(/\s+/g, " "));
    // Scroll half-way down: the address gets the offset at the top.
    await page.locator(".reader-body").evaluate((b) => {
      b.scrollTop = b.scrollHeight / 2;
    });
    await page.waitForFunction(() => /[#&]at=\d+/.test(location.hash));
    const at = Number(/[#&]at=(\d+)/.exec(await hash())?.[1]);
    const before = await page.locator(".reader-body").evaluate((b) => b.scrollTop);
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    expect(await picker().inputValue()).toBe(other);
    const after = await page.locator(".reader-body").evaluate((b) => b.scrollTop);
    expect(Math.abs(after - before)).toBeLessThan(30);
    expect(await hash()).toContain(`at=${at}`);
  });

  it("turns to the document of a claim selected elsewhere, and marks it", async () => {
    const answer = await documentAnswer(both);
    // The last claim: far from the top, so the reader must scroll to it (the position the
    // deep link restored holds only for the deep link's own selection).
    const claim = answer.claims.at(-1)?.id ?? "";
    expect(await picker().inputValue()).not.toBe(answer.id);
    await select(claim);
    await page.waitForFunction(
      (id) => document.querySelector(`#reader mark.hit[data-claim="${id}"]`) !== null,
      claim,
    );
    expect(await picker().inputValue()).toBe(answer.id);
    expect(await hash()).not.toContain("read=");
    expect((await hitSpans()).firstInView).toBe(true);
  });

  it("opens the first document, filtering nothing, from a link to documents it no longer has", async () => {
    const gone = encodeURIComponent(`${KB}doc/no-longer-here`);
    // From another page: a change of the fragment alone would not load the viewer again.
    await page.goto("about:blank");
    await openViewer(page, `${both.url}#read=${gone}&at=500&doc=${gone}`);
    const first = await documentAnswer(both);
    expect(await picker().inputValue()).toBe(first.id);
    expect(await page.locator("#reader h2").textContent()).toBe(first.title);
    expect(await page.locator(".reader-body").evaluate((b) => b.scrollTop)).toBe(0);
    expect(await page.getByRole("combobox", { name: "Document" }).inputValue()).toBe("");
    const status = (await page.locator("#status").textContent()) ?? "";
    expect(status).toMatch(/^\d+ nodes, \d+ links\.$/);
  });
});

describe("the reader on the hostile document", () => {
  let hostile: BuiltKb;
  let server: RunningServer;

  beforeAll(async () => {
    hostile = await buildHostile();
    server = await serveKb([hostile.kb]);
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => {
        w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await openViewer(page, server.url);
  });
  afterAll(async () => {
    await server?.close();
    hostile?.remove();
  });

  it("shows its payloads as text: no element, script or link from them", async () => {
    const reader = page.locator("#reader");
    const text = (await reader.locator(".reader-text").textContent()) ?? "";
    expect(text).toContain("<script>window.__pwned=1</script>");
    expect(text).toContain("<img src=x onerror=window.__pwned=1>");
    expect(text).not.toContain("\u202e");
    const foreign = await reader.evaluate((root) =>
      [...root.querySelectorAll("*")]
        .filter(
          (el) =>
            !["DIV", "H2", "UL", "LI", "MARK", "BUTTON", "SELECT", "OPTION", "P"].includes(
              el.tagName,
            ),
        )
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(foreign).toEqual([]);
    // No link or resource at all: markers are buttons, and only they.
    expect(await reader.locator("a, [href], [src]").count()).toBe(0);
    const buttons = await reader
      .locator("button")
      .evaluateAll((bs) => bs.map((b) => `${b.className} ${b.textContent}`));
    for (const b of buttons) expect(b).toMatch(/^cite \[\d+\]$/);
    expect(await reader.locator("[style], [onerror], [onclick]").count()).toBe(0);
    for (const mark of await reader.locator("mark.claim-mark").all()) await mark.click();
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    ).toBeUndefined();
    expect(
      await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    ).toEqual([]);
  });
});
