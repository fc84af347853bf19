// Details in Chromium on a two-document knowledge base (the seed and the second document,
// tests/fixtures/sources): every claim listed for an entity names its document beside its line
// and citation numbers, and its [n] opens reference n of that document, not of the other; no
// group is shown empty; identifiers link to their resolvers over https, in a new tab with no
// referrer. Then, on a generated corpus of 120 documents, a hub's group larger than a page says
// "50 of N" and "Show more" pages through it to exactly N claims.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/corpus/generate.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import type { RunningServer } from "../../src/server/server.ts";
import {
  type Browser,
  launchBrowser,
  openViewer,
  type PageProblems,
  screenshot,
  watchProblems,
} from "../helpers/browser.ts";
import { type BuiltKb, buildSecond, buildSources, SEED_KB, serveKb } from "../helpers/serve.ts";

const KB = "https://w3id.org/claimgraph/kb/";
/** Named by both documents: 22 claims. */
const SSRIS = `${KB}entity/selective-serotonin-reuptake-inhibitors`;
const DESIPRAMINE = `${KB}entity/desipramine`;
const SEED_DOC = `${KB}doc/desipramine-vs-ssris`;
const SECOND_DOC = `${KB}doc/nortriptyline-vs-sertraline`;

let browser: Browser;
let second: BuiltKb;
let server: RunningServer;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  await Promise.all([
    launchBrowser().then((b) => {
      browser = b;
    }),
    buildSecond()
      .then((s) => {
        second = s;
        return serveKb([SEED_KB, s.kb]);
      })
      .then((s) => {
        server = s;
      }),
  ]);
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  problems = watchProblems(page);
  await openViewer(page, server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  second?.remove();
});

async function select(id: string): Promise<void> {
  await page.evaluate(
    (k) =>
      (
        window as unknown as { claimgraph: { select(id: string): Promise<void> } }
      ).claimgraph.select(k),
    id,
  );
  await page.waitForSelector(`#details[data-selected="${id}"]`);
}

interface Line {
  claim: string;
  document: string;
  documentTitle: string;
  text: string;
  references: string[];
}

function lines(): Promise<Line[]> {
  return page.$$eval("#details li[data-claim]", (items) =>
    items.map((li) => {
      const doc = li.querySelector("[data-document]");
      return {
        claim: li.getAttribute("data-claim") ?? "",
        document: doc?.getAttribute("data-document") ?? "",
        documentTitle: doc?.getAttribute("title") ?? "",
        text: li.textContent ?? "",
        references: [...li.querySelectorAll("button[data-reference]")].map(
          (b) => b.getAttribute("data-reference") ?? "",
        ),
      };
    }),
  );
}

describe("Details across two documents", () => {
  it("every claim about the SSRIs names its document beside its line and citations", async () => {
    await select(SSRIS);
    const all = await lines();
    expect(all).toHaveLength(22);
    expect(new Set(all.map((l) => l.document))).toEqual(new Set([SEED_DOC, SECOND_DOC]));
    for (const l of all) {
      expect(l.text, l.claim).toMatch(/(\[\d+\]|uncited) · line \d+ · \S/);
      // The claim's IRI names its document: claim/<document>.<…>.
      expect(l.claim.startsWith(`${KB}claim/${l.document.slice(`${KB}doc/`.length)}.`)).toBe(true);
      // Its short name (unique, where generated documents share titles), its title on hover.
      expect(l.text.endsWith(` · ${l.document.slice(`${KB}doc/`.length)}`), l.text).toBe(true);
      expect(l.documentTitle).toMatch(/^(Mechanisms of Action|Nortriptyline and Sertraline)/);
      // [n] is reference n of the claim's own document.
      for (const r of l.references) expect(r.startsWith(`${l.document}.ref-`), r).toBe(true);
    }
    const headings = await page.$$eval("#details h3", (hs) => hs.map((x) => x.textContent ?? ""));
    expect(headings.length).toBeGreaterThan(0);
    for (const text of headings) expect(text).not.toMatch(/\(0\)|\(0 of/);
    await screenshot(page, "details-two-documents");
  });

  it("[n] on a line of the second document opens that document's reference n", async () => {
    const l = (await lines()).find((x) => x.document === SECOND_DOC && x.references.length > 0);
    if (!l) throw new Error("no cited claim of the second document");
    const ref = l.references[0] as string;
    const n = /\.ref-(\d+)$/.exec(ref)?.[1];
    await page
      .locator(`#details li[data-claim="${l.claim}"] button[data-reference="${ref}"]`)
      .click();
    await page.waitForSelector(`#details[data-selected="${ref}"]`);
    expect(await page.locator("#details h2").first().textContent()).toMatch(
      new RegExp(`^\\[${n}\\] `),
    );
    // The seed has a reference with the same number: it is not the one opened.
    expect(ref).not.toBe(`${SEED_DOC}.ref-${n}`);
  });

  it("identifiers are links to their resolvers, over https, with no opener or referrer", async () => {
    await select(DESIPRAMINE);
    const links = await page.$$eval("#details a", (as) =>
      as.map((a) => ({
        href: a.getAttribute("href") ?? "",
        rel: a.getAttribute("rel") ?? "",
        target: a.getAttribute("target") ?? "",
        text: a.textContent ?? "",
      })),
    );
    expect(links).toContainEqual(
      expect.objectContaining({
        href: "https://go.drugbank.com/drugs/DB01151",
        text: "drugbank:DB01151",
      }),
    );
    expect(links.map((a) => a.href)).toContain("https://meshb.nlm.nih.gov/record/ui?ui=D003891");
    for (const a of links) {
      expect(a.href.startsWith("https://"), a.href).toBe(true);
      expect(a.rel.split(" ")).toEqual(expect.arrayContaining(["noopener", "noreferrer"]));
      expect(a.target).toBe("_blank");
    }
    // A scheme without a resolver stays text.
    expect(await page.locator("#details").textContent()).toMatch(/cas:\d/);
    expect(links.some((a) => a.text.startsWith("cas:"))).toBe(false);
  });

  it("logs no errors", () => {
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
});

describe("Details at scale: a group larger than a page", () => {
  let dir: string;
  let corpus: BuiltKb | undefined;
  let large: RunningServer | undefined;
  /** An entity, and the role and predicate of its largest group, of more than 50 claims. */
  let hub: { id: string; role: string; predicate: string; count: number };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cg-details-corpus-"));
    generateCorpus({ documents: 120, seed: 7, outDir: dir });
    corpus = await buildSources(dir);
    const kg = await openKnowledgeGraph([corpus.kb]);
    const best = { id: "", role: "", predicate: "", count: 0 };
    kg.graph.forEachNode((id, a) => {
      if (a.kind !== "entity") return;
      const groups = new Map<string, number>();
      for (const c of kg.claimsAbout(id)) {
        const key = `${c.subject === id ? "subject" : "object"} ${c.predicate}`;
        groups.set(key, (groups.get(key) ?? 0) + 1);
      }
      for (const [key, count] of groups) {
        if (count <= best.count) continue;
        const [role = "", predicate = ""] = key.split(" ");
        Object.assign(best, { id, role, predicate, count });
      }
    });
    hub = best;
    large = await serveKb([corpus.kb]);
    await openViewer(page, large.url);
  }, 300_000);

  afterAll(async () => {
    await large?.close();
    corpus?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("says 50 of N, and Show more pages to exactly the group's N claims", async () => {
    expect(hub.count).toBeGreaterThan(50);
    await select(hub.id);
    const group = page.locator(
      `#details section.group[data-role="${hub.role}"][data-predicate="${hub.predicate}"]`,
    );
    const heading = group.locator("h3");
    expect(await heading.textContent()).toMatch(new RegExp(`\\(50 of ${hub.count}\\)$`));
    expect(await group.locator("li[data-claim]").count()).toBe(50);
    const more = group.getByRole("button", { name: /^Show \d+ more$/ });
    const next = Math.min(50, hub.count - 50);
    expect(await more.textContent()).toBe(`Show ${next} more`);
    while ((await more.count()) > 0) {
      const before = await group.locator("li[data-claim]").count();
      await more.click();
      await expect.poll(() => group.locator("li[data-claim]").count()).toBeGreaterThan(before);
    }
    const ids = await group
      .locator("li[data-claim]")
      .evaluateAll((lis) => lis.map((li) => li.getAttribute("data-claim")));
    expect(ids).toHaveLength(hub.count);
    expect(new Set(ids).size).toBe(hub.count);
    expect(await heading.textContent()).toMatch(new RegExp(`\\(${hub.count}\\)$`));
    await screenshot(page, "details-paging");
  });
});
