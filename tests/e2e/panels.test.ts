// The bottom panels under the graph as one set (#13 round two, point 1), in Debian's chromium on
// the seed: the reader, the Claims table and the Matrix are open one at a time — opening the
// reader closes an open table and opening a table closes the reader — the Reader button
// (aria-pressed) and the tabs (aria-selected) say which is open, and the address keeps it.
// Steps build on each other, in order; one browser for the file.
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

const readerButton = () => page.getByRole("button", { name: "Reader" });
const tab = (name: string) => page.getByRole("tab", { name });
const hash = () => page.evaluate(() => location.hash);

/** Which panels are visible, and what the Reader button and the tabs say. */
async function panels() {
  return {
    reader: await page.getByRole("region", { name: "Document" }).isVisible(),
    claims: await page.getByRole("region", { name: "Claims", exact: true }).isVisible(),
    matrix: await page.getByRole("region", { name: "Comparison matrix" }).isVisible(),
    readerPressed: await readerButton().getAttribute("aria-pressed"),
    claimsSelected: await tab("Claims").getAttribute("aria-selected"),
    matrixSelected: await tab("Matrix").getAttribute("aria-selected"),
  };
}

const READER_OPEN = {
  reader: true,
  claims: false,
  matrix: false,
  readerPressed: "true",
  claimsSelected: "false",
  matrixSelected: "false",
};
const CLAIMS_OPEN = {
  reader: false,
  claims: true,
  matrix: false,
  readerPressed: "false",
  claimsSelected: "true",
  matrixSelected: "false",
};

describe("one bottom panel at a time", () => {
  it("opens on the reader, the Reader button pressed and no tab selected", async () => {
    expect(await panels()).toEqual(READER_OPEN);
  });

  it("closes the reader when a table opens, and says so", async () => {
    await tab("Claims").click();
    expect(await panels()).toEqual(CLAIMS_OPEN);
    expect(await hash()).toContain("table=claims");
  });

  it("closes the open table when the reader opens, and shows the reader", async () => {
    await readerButton().click();
    expect(await panels()).toEqual(READER_OPEN);
    expect(await hash()).not.toContain("table=");
    expect(await hash()).not.toContain("reader=hidden");
  });

  it("goes from the reader to the matrix and from the matrix to the claims", async () => {
    await tab("Matrix").click();
    expect(await panels()).toEqual({
      ...READER_OPEN,
      reader: false,
      matrix: true,
      readerPressed: "false",
      matrixSelected: "true",
    });
    await tab("Claims").click();
    expect(await panels()).toEqual(CLAIMS_OPEN);
  });

  it("closes everything when the open panel's own button is pressed again", async () => {
    await tab("Claims").click();
    expect(await panels()).toEqual({ ...CLAIMS_OPEN, claims: false, claimsSelected: "false" });
    expect(await hash()).toContain("reader=hidden");
  });

  it("restores the open table from the address", async () => {
    await tab("Claims").click();
    const address = await page.evaluate(() => location.href);
    await page.goto("about:blank");
    await openViewer(page, address);
    expect(await panels()).toEqual(CLAIMS_OPEN);
    await expect.poll(() => page.locator("#claims tbody tr").count()).toBeGreaterThan(0);
  });

  it("logged no error and broke no policy", () => {
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
});
