// The viewer on a hostile document (tests/fixtures/hostile): markup in titles, cells and
// references stays text, nothing runs, links lead only to http(s) addresses, long labels do
// not break the layout, and right-to-left overrides do not reorder the viewer's own text; what
// several documents say together (Details' "Across documents", a conflict's sides) stays text.
// One browser and one page for the whole file.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ViewNode } from "../../src/projection/projection.ts";
import type { RunningServer } from "../../src/server/server.ts";
import { LABEL_LENGTH } from "../../src/viewer/reducers.ts";
import {
  type Browser,
  launchBrowser,
  openViewer,
  type PageProblems,
  screenshot,
  watchProblems,
} from "../helpers/browser.ts";
import { type BuiltKb, buildHostile, serveKb } from "../helpers/serve.ts";

const IMG = "<img src=x onerror=window.__pwned=1>";
const SCRIPT = "<script>window.__pwned=1</script>";

let built: BuiltKb;
let browser: Browser;
let server: RunningServer;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  // Assigned as each is ready, so afterAll cleans up whichever started if the other fails.
  await Promise.all([
    buildHostile().then((b) => {
      built = b;
    }),
    launchBrowser().then((b) => {
      browser = b;
    }),
  ]);
  server = await serveKb([built.kb]);
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  problems = watchProblems(page);
  // Any policy violation (an injected handler or script the CSP blocked) is recorded too.
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  await openViewer(page, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  built?.remove();
});

function node(test: (n: ViewNode) => boolean): ViewNode {
  const n = server.view.nodes.find(test);
  if (!n) throw new Error("no such node in the hostile view");
  return n;
}

const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

/** Elements that must never come from the knowledge base's text. */
const injected = () =>
  page.evaluate(() =>
    [...document.querySelectorAll("#details, #suggestions")].flatMap((root) =>
      [
        ...root.querySelectorAll("img, script, iframe, object, embed, svg, style, link, [style]"),
      ].map((el) => el.outerHTML.slice(0, 80)),
    ),
  );

async function select(id: string): Promise<void> {
  await page.evaluate((k) => {
    void (
      window as unknown as { claimgraph: { select(id: string): Promise<void> } }
    ).claimgraph.select(k);
  }, id);
  await page.waitForSelector(`#details[data-selected="${id.replace(/["\\]/g, "\\$&")}"]`);
}

/**
 * Whether `word` (found after `after` in a text node under `selector`) is drawn left to right:
 * its last letter to the right of its first. A bidi override that leaks into the viewer's own
 * text draws it mirrored.
 */
function drawnLeftToRight(selector: string, after: string, word: string): Promise<boolean> {
  return page.evaluate(
    ({ selector, after, word }) => {
      const root = document.querySelector(selector);
      if (!root) throw new Error(`${selector} is not on the page`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const text = t.textContent ?? "";
        const from = text.indexOf(after);
        const at = from === -1 ? -1 : text.indexOf(word, from + after.length);
        if (at === -1) continue;
        const box = (i: number) => {
          const r = document.createRange();
          r.setStart(t as Text, i);
          r.setEnd(t as Text, i + 1);
          return r.getBoundingClientRect();
        };
        const first = box(at);
        const last = box(at + word.length - 1);
        if (Math.abs(first.top - last.top) > 2)
          throw new Error(`"${word}" is split over two lines`);
        return last.left > first.left;
      }
      throw new Error(`"${word}" after "${after}" is not in ${selector}`);
    },
    { selector, after, word },
  );
}

describe("the hostile document in the viewer", () => {
  it("opens and draws without running anything", async () => {
    expect(await pwned()).toBeUndefined();
    expect(await injected()).toEqual([]);
    expect(server.view.nodes.filter((n) => n.label.includes(IMG)).length).toBeGreaterThan(3);
    expect(server.view.nodes.filter((n) => n.label.includes(SCRIPT)).length).toBeGreaterThan(3);
  });

  it("shows hostile names in the suggestions as text", async () => {
    const search = page.getByRole("searchbox");
    for (const q of ["<img", "<script", "onerror", "pwned", "javascript"]) {
      await search.fill(q);
      await page.waitForFunction(
        (query) =>
          document.querySelector("#suggestions [role=option]") !== null &&
          (document.querySelector<HTMLInputElement>("#search")?.value ?? "") === query,
        q,
      );
      await page.waitForTimeout(150);
      expect(await injected(), q).toEqual([]);
      expect(await pwned(), q).toBeUndefined();
    }
    // The whole name: "<img" alone is the word "img" of claims, which trace resolves it to.
    await search.fill(IMG);
    const first = page.locator("#suggestions [role=option]").first();
    await expect.poll(() => first.textContent()).toContain(IMG);
    await search.press("Enter");
    const entity = node((n) => n.kind === "entity" && n.label === IMG).key;
    await page.waitForSelector(`#details[data-selected="${entity}"]`);
    expect(await page.locator("#details h2").first().textContent()).toBe(IMG);
    expect(await injected()).toEqual([]);
    expect(await pwned()).toBeUndefined();
  });

  it("shows the cell's claim, its quote and its reference as text", async () => {
    const cell = node(
      (n) => n.kind === "claim" && n.label === `desipramine · primary target · ${IMG}`,
    );
    await select(cell.key);
    expect(await page.locator("#details mark").textContent()).toBe(`${IMG} [1]`);
    const reference = page.locator("#details li[data-reference]");
    expect(await reference.textContent()).toContain(`${IMG} Hostile reference title`);
    expect(await reference.textContent()).toContain("javascript:window.__pwned=1");
    expect(await injected()).toEqual([]);
    expect(await pwned()).toBeUndefined();
  });

  it("shows the claim's assertion and the document's conflict, quotes and title, as text (#15)", async () => {
    const cell = node(
      (n) => n.kind === "claim" && n.label === `desipramine · primary target · ${IMG}`,
    );
    await select(cell.key);
    const across = page.getByRole("region", { name: "Across documents" });
    expect(await across.locator("li[data-assertion] strong").textContent()).toBe(
      `primary target ${IMG}`,
    );
    // Desipramine is the object of the header's CAS number, which public records contradict:
    // the conflict names the hostile title and quotes the number.
    await select(node((n) => n.kind === "entity" && n.label === "desipramine").key);
    const conflict = page.locator("#details article.conflict[data-kind=PublicRecordDisagrees]");
    expect(await conflict.locator("h4").textContent()).toContain(SCRIPT);
    expect(await conflict.locator("blockquote").allTextContents()).toEqual(["000-00-0"]);
    expect(await injected()).toEqual([]);
    expect(await pwned()).toBeUndefined();
  });

  it("shows the reference, with a javascript: host, as text and links nowhere", async () => {
    const ref = node((n) => n.kind === "reference" && n.label.startsWith("[1]"));
    await select(ref.key);
    expect(await page.locator("#details h2").textContent()).toBe(
      `[1] ${IMG} Hostile reference title`,
    );
    expect(await page.locator("#details").textContent()).toContain("javascript:window.__pwned=1");
    expect(await page.locator("#details a").count()).toBe(0);
    expect(await injected()).toEqual([]);
    expect(await pwned()).toBeUndefined();
  });

  it("opens every node's panel without running anything or linking off http(s)", async () => {
    // One round trip: select each node in turn in the page, and look at the panel each time.
    const found = await page.evaluate(
      async (keys) => {
        const cg = (window as unknown as { claimgraph: { select(id: string): Promise<void> } })
          .claimgraph;
        const details = document.querySelector("#details") as HTMLElement;
        const out: Array<{ key: string; selected: string | null; bad: string[]; hrefs: string[] }> =
          [];
        for (const key of keys) {
          await cg.select(key);
          out.push({
            key,
            selected: details.getAttribute("data-selected"),
            bad: [
              ...details.querySelectorAll(
                "img, script, iframe, object, embed, svg, style, [style]",
              ),
            ].map((el) => el.outerHTML.slice(0, 80)),
            hrefs: [...document.querySelectorAll("a")].map((a) => a.getAttribute("href") ?? ""),
          });
        }
        return out;
      },
      server.view.nodes.map((n) => n.key),
    );
    expect(found).toHaveLength(server.view.nodes.length);
    for (const f of found) {
      expect(f.selected, f.key).toBe(f.key);
      expect(f.bad, f.key).toEqual([]);
      for (const href of f.hrefs) {
        // The one same-origin link is the Turtle download; any other is an absolute web address.
        if (href !== "/kb/kb.ttl") expect(href, f.key).toMatch(/^https?:\/\/[^/\s]/);
      }
    }
    expect(await pwned()).toBeUndefined();
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll("a")].every((a) => /^https?:$/.test(a.protocol)),
      ),
    ).toBe(true);
  });

  it("keeps very long labels short in the graph and inside the panel's width", async () => {
    const long = node((n) => n.kind === "reference" && n.label.startsWith("[3]"));
    expect(long.label.length).toBeGreaterThan(85);
    await select(long.key);
    const overflow = await page.evaluate(() => {
      const d = document.querySelector("#details") as HTMLElement;
      return d.scrollWidth - d.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(1);
    await page.keyboard.press("Escape");
    await page.waitForFunction(
      () =>
        (
          window as unknown as { claimgraph: { state(): { selected: string | null } } }
        ).claimgraph.state().selected === null,
    );
    const labels = await page.evaluate(() => {
      const cg = (
        window as unknown as {
          claimgraph: {
            graph: { nodes(): string[] };
            renderer: { getNodeDisplayData(k: string): { label: string | null } | undefined };
          };
        }
      ).claimgraph;
      return cg.graph.nodes().map((k) => cg.renderer.getNodeDisplayData(k)?.label ?? "");
    });
    for (const label of labels) expect(Array.from(label).length).toBeLessThanOrEqual(LABEL_LENGTH);
    await screenshot(page, "hostile");
  });

  it("keeps right-to-left text as written", async () => {
    const cell = node((n) => n.kind === "claim" && n.label.includes("key mechanism · ‮ناقل"));
    await select(cell.key);
    expect(await page.locator("#details mark").textContent()).toContain(
      "ناقل النورإبينفرين מעביר נוראפינפרין",
    );
  });

  // Bidi override characters in a document's text are dropped from what is shown, so they
  // cannot reorder the viewer's own words around them.
  it("does not let an override in the document's title reorder the claim's location line", async () => {
    const cell = node(
      (n) => n.kind === "claim" && n.label === `desipramine · primary target · ${IMG}`,
    );
    await select(cell.key);
    const where = "#details article > p.meta";
    const line = await page.locator(where).first().textContent();
    expect(line).toContain("eltit desrever, line ");
    expect(line).not.toContain("\u202e");
    expect(await drawnLeftToRight(where, "desrever", "column")).toBe(true);
  });

  it("does not let an override in a reference's host reorder its evidence type", async () => {
    const cited = node(
      (n) => n.kind === "claim" && n.label.startsWith("desipramine · secondary target"),
    );
    await select(cited.key);
    const meta = "#details li[data-reference] span.meta";
    const text = await page.locator(meta).textContent();
    expect(text).toContain("ten.elpmaxe · evidence type unknown");
    expect(text).not.toContain("\u202e");
    expect(await drawnLeftToRight(meta, "elpmaxe", "evidence")).toBe(true);
  });

  it("logged no error, no policy violation, and threw nothing", async () => {
    expect(await pwned()).toBeUndefined();
    expect(
      await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    ).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });
});
