// The claims table under every filter of the viewer (#13 round two, points 2 and 4), in
// Debian's chromium on the seed served by the real server: a type hidden in the legend (an
// entity type, or claims themselves) leaves the table's claims it hides, and "Download all
// (CSV)" saves every row the filters leave, not only the page shown. One browser for the file;
// steps build on each other, in order.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/server.ts";
import { openViewer, type PageProblems } from "../helpers/browser.ts";
import { ViewerSession } from "../helpers/viewer-session.ts";

const session = new ViewerSession();
let server: RunningServer;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  ({ server, page, problems } = await session.start());
  await openViewer(page, server.url);
});

afterAll(() => session.close());

const region = () => page.getByRole("region", { name: "Claims", exact: true });
const count = () => region().locator(".table-tools .meta").textContent();
const subjects = () =>
  region()
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => tr.children[0]?.textContent ?? ""));
const legendBox = (key: string) => page.locator(`#legend input[data-type="${key}"]`);

describe("the claims table follows the legend's types", () => {
  let before = "";

  it("opens with every claim", async () => {
    await page.getByRole("tab", { name: "Claims" }).click();
    await expect.poll(() => region().locator("tbody tr").count()).toBeGreaterThan(0);
    before = (await count()) ?? "";
    expect(before).toMatch(/^Claims 1–\d+ of \d+$/);
    expect(await subjects()).toContain("desipramine");
  });

  it("leaves out the claims about drugs when drugs are hidden in the legend", async () => {
    await legendBox("entity:Drug").uncheck();
    await expect.poll(count).not.toBe(before);
    expect(await count()).toMatch(/^Claims 1–\d+ of \d+ \(filtered from \d+\)$/);
    expect(await subjects()).not.toContain("desipramine");
    expect(await subjects()).not.toContain("fluoxetine");
  });

  it("shows no claim when claims are hidden, and every claim again when both are shown", async () => {
    await legendBox("claim").uncheck();
    await expect.poll(count).toMatch(/^No claims match/);
    await legendBox("claim").check();
    await legendBox("entity:Drug").check();
    await expect.poll(count).toBe(before);
  });

  it("saves every row the filters leave with Download all, the page with Download CSV", async () => {
    await page.getByLabel("Uncited claims only").check();
    await expect.poll(count).not.toBe(before);
    const download = region().getByRole("button", { name: "Download CSV" });
    expect(await download.getAttribute("title")).toMatch(/^Save the \d+ rows of this page as CSV$/);
    const expected = await page.evaluate(async () => {
      const r = await fetch("/api/claims?uncited=1&limit=500&sort=document&dir=asc");
      return ((await r.json()) as { rows: Array<{ id: string }> }).rows.map((row) => row.id);
    });
    expect(expected.length).toBeGreaterThan(1);
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      region().getByRole("button", { name: "Download all (CSV)" }).click(),
    ]);
    expect(file.suggestedFilename()).toBe("claims.csv");
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    const lines = Buffer.concat(chunks).toString("utf8").split("\r\n").slice(1, -1);
    expect(lines.map((l) => l.split(",").at(-1))).toEqual(expected);
    await page.getByLabel("Uncited claims only").uncheck();
  });

  it("logged no error and broke no policy", () => {
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
});
