// The viewer's search in Chromium, on the seed: it resolves as `claimgraph trace` does, and
// Enter selects the best answer at once — here before any suggestion has arrived, since the
// test holds every /api/search answer back until Enter has been pressed.
import type { Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/server.ts";
import {
  type Browser,
  launchBrowser,
  openViewer,
  type PageProblems,
  screenshot,
  watchProblems,
} from "../helpers/browser.ts";
import { serveKb } from "../helpers/serve.ts";

const KB = "https://w3id.org/claimgraph/kb/";
/** The work cited as [4] and [5]: Brain Research Bulletin, PMID 12183009. */
const WORK_4_5 = `${KB}work/pmid-12183009`;
const PRIMARY_TARGET = `${KB}claim/desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0`;

let browser: Browser;
let server: RunningServer;
let page: Page;
let problems: PageProblems;
/** Search requests held back, released by `release()`. */
let held: Route[] = [];

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
  await page.route("**/api/search?**", (route) => {
    held.push(route);
  });
  await openViewer(page, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function release(): Promise<void> {
  const routes = held;
  held = [];
  await Promise.all(routes.map((r) => r.continue()));
}

function selectedId(): Promise<string | null> {
  return page.evaluate(
    () =>
      (
        window as unknown as { claimgraph: { state(): { selected: string | null } } }
      ).claimgraph.state().selected,
  );
}

/** Types `query` and presses Enter while no suggestion has come back, then lets them come. */
async function enterBeforeSuggestions(query: string): Promise<void> {
  const box = page.getByRole("searchbox");
  await box.fill(query);
  await box.press("Enter");
  expect(await page.isHidden("#suggestions")).toBe(true);
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await release();
}

describe("search resolves as trace does, and Enter selects at once", () => {
  it("pmid:12183009 + Enter selects the work it identifies", async () => {
    await enterBeforeSuggestions("pmid:12183009");
    await page.waitForSelector(`#details[data-selected="${WORK_4_5}"]`);
    expect(await selectedId()).toBe(WORK_4_5);
    expect(await page.locator("#details h2").first().textContent()).toContain("Fluoxetine");
  });

  it('"desipramine primary target" + Enter selects the claim: desipramine\'s primary target is NET', async () => {
    await enterBeforeSuggestions("desipramine primary target");
    await page.waitForSelector(`#details[data-selected="${PRIMARY_TARGET}"]`);
    expect(await selectedId()).toBe(PRIMARY_TARGET);
    const triple = await page.locator("#details .triple").first().textContent();
    expect(triple).toContain("norepinephrine transporter");
    expect(triple).toContain("[1]");
    await screenshot(page, "search-free-text");
  });

  it("the suggestions, once they arrive, put trace's answer first", async () => {
    await page.unroute("**/api/search?**");
    const box = page.getByRole("searchbox");
    await box.fill("[4]");
    const first = page.locator("#suggestions [role=option]").first();
    await first.waitFor();
    expect(await first.getAttribute("data-id")).toBe(`${KB}doc/desipramine-vs-ssris.ref-4`);
    expect(await first.textContent()).toContain("[4] in Mechanisms of Action");
    await box.press("Escape");
  });

  it("logs no errors", () => {
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
});
