// Agreement and conflict badges in a real browser (Debian's chromium), on the agreement corpus
// (tests/fixtures/agreement/: six documents, planted agreements and conflicts) built into a
// throwaway folder and served by the real server (#15): the matrix shows each cell's support
// ("2 works", its tiers in the title and aria-label) and a "⚠ n" button on the cells in a
// conflict; clicking it shows the conflict in Details with its rule and both sides (quotes,
// file:line:col, citations); a claim's Details names its assertion, its support and the other
// documents stating the same thing, and its conflict; an entity's, its assertions and their
// conflicts before its claims. Steps build on each other, in order.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/server.ts";
import { AGREEMENT_SOURCES } from "../helpers/agreement-gold.ts";
import { type Browser, openViewer, type PageProblems, screenshot } from "../helpers/browser.ts";
import { type BuiltKb, buildSources, serveKb } from "../helpers/serve.ts";
import { ViewerSession } from "../helpers/viewer-session.ts";

const KB = "https://w3id.org/claimgraph/kb/";
const DESIPRAMINE = `${KB}entity/desipramine`;
const FLUOXETINE = `${KB}entity/fluoxetine`;
const SERTRALINE = `${KB}entity/sertraline`;

const session = new ViewerSession();
let built: BuiltKb | undefined;
let server: RunningServer;
let page: Page;
let problems: PageProblems;
let browser: Browser;

beforeAll(async () => {
  ({ browser, server, page, problems } = await session.start(async () => {
    built = await buildSources(AGREEMENT_SOURCES);
    return serveKb([built.kb]);
  }));
  await openViewer(page, server.url);
  await page.getByRole("tab", { name: "Matrix" }).click();
  await page.locator("#matrix table").waitFor();
}, 180_000);

afterAll(async () => {
  await session.close();
  built?.remove();
});

const details = () => page.locator("#details");

/** The matrix cell of `row` (its heading, as shown) × `column`. */
function matrixCell(rowLabel: string | RegExp, column: string) {
  return page
    .locator("#matrix tbody tr")
    .filter({ has: page.locator("th[scope=row]", { hasText: rowLabel }) })
    .locator(`td[data-column="${column}"]`);
}

describe("the matrix's badges on the agreement corpus", () => {
  it("shows how many works stand behind each assertion of a cell, by tier on hover", async () => {
    // Sertraline's primary target: three documents citing one StatPearls chapter.
    const agreed = matrixCell(/^primary target$/, SERTRALINE).locator(".badge.support");
    expect(await agreed.count()).toBe(1);
    expect(await agreed.textContent()).toBe("1 work");
    expect(await agreed.getAttribute("aria-label")).toMatch(/^1 work: 1 \w+; 3 documents/);
    // Desipramine's: NET (three documents, two works) and SERT, each named.
    const chips = matrixCell(/^primary target$/, DESIPRAMINE).locator(".badge.support");
    expect(await chips.allTextContents()).toEqual(
      expect.arrayContaining([
        "norepinephrine transporter · 2 works",
        "serotonin transporter · 1 work",
      ]),
    );
    const net = chips.filter({ hasText: "norepinephrine" });
    expect(await net.getAttribute("title")).toMatch(
      /^norepinephrine transporter: 2 works: 1 primary, 1 tertiary; 3 documents/,
    );
  });

  it("marks the cells in a conflict with a ⚠ button, and only those", async () => {
    const nausea = matrixCell(/^nausea/, FLUOXETINE).getByRole("button", { name: /conflict/ });
    expect(await nausea.textContent()).toBe("⚠ 2");
    expect(await nausea.getAttribute("aria-label")).toBe(
      "2 conflicts (FrequencyGap): show in Details",
    );
    expect(
      await matrixCell(/^primary target$/, SERTRALINE)
        .locator(".badge.conflict")
        .count(),
    ).toBe(0);
    // Not colour alone: the badge says ⚠ and a count, and is a button with a name.
    const look = await nausea.evaluate((b) => getComputedStyle(b).borderTopColor);
    expect(look).toBe("rgb(213, 94, 0)"); // Okabe–Ito vermillion
  });

  it("shows the conflict with its rule and both sides in Details when the badge is clicked", async () => {
    await matrixCell(/^primary target$/, DESIPRAMINE)
      .getByRole("button", { name: /conflict/ })
      .click();
    const conflict = details().locator("article.conflict");
    await expect.poll(() => conflict.count()).toBe(1);
    expect(await conflict.getAttribute("data-kind")).toBe("PrimaryTargetDisagrees");
    const text = (await conflict.textContent()) ?? "";
    expect(text).toContain("Rule: primary targets that disagree across sources");
    expect(text).toContain("One side: primary target norepinephrine transporter");
    expect(text).toContain("Other side: primary target serotonin transporter");
    const sides = conflict.locator(".side");
    expect(await sides.nth(1).locator("blockquote").allTextContents()).toEqual([
      "Serotonin Transporter (SERT) [2]",
    ]);
    expect(await sides.nth(1).locator("li").textContent()).toContain(
      "fluoxetine-serotonergic-overview.md:19:49 [2]",
    );
    expect(await sides.nth(0).locator("li").count()).toBe(3);
    await screenshot(page, "viewer-matrix-conflict");
    // A side's place selects its claim.
    const place = sides
      .nth(1)
      .getByRole("button", { name: "fluoxetine-serotonergic-overview.md:19:49" });
    await place.click();
    await expect
      .poll(() => details().getAttribute("data-selected"))
      .toMatch(/claim\/fluoxetine-serotonergic-overview\.desipramine\.primary-target\./);
  });

  it("gives a claim's Details its assertion, the other documents stating it and its conflict", async () => {
    await matrixCell(/^primary target$/, DESIPRAMINE)
      .locator("[data-claim]")
      .filter({ hasText: "norepinephrine transporter" })
      .first()
      .click();
    const section = details().getByRole("region", { name: "Across documents" });
    await expect.poll(() => section.count()).toBe(1);
    const text = (await section.textContent()) ?? "";
    expect(text).toContain("primary target norepinephrine transporter");
    expect(text).toMatch(/3 documents, 2 works: 1 primary, 1 tertiary/);
    expect(text).toMatch(/evidence type of \d works? inferred/);
    expect(text).toContain("Also stated by: ");
    expect(await section.locator(".elsewhere button").count()).toBe(2);
    expect(await section.locator("article.conflict").getAttribute("data-kind")).toBe(
      "PrimaryTargetDisagrees",
    );
  });

  it("gives an entity's Details its assertions and their conflicts before its claims", async () => {
    await page.evaluate(
      (id) =>
        (
          window as unknown as { claimgraph: { select(id: string): Promise<void> } }
        ).claimgraph.select(id),
      DESIPRAMINE,
    );
    await expect.poll(() => details().getAttribute("data-selected")).toBe(DESIPRAMINE);
    const section = details().getByRole("region", { name: "Across documents" });
    expect(await section.locator("h3").first().textContent()).toMatch(
      /^Across documents: \d+ assertions$/,
    );
    expect(
      (
        await section
          .locator("article.conflict")
          .evaluateAll((as) => as.map((a) => a.getAttribute("data-kind")))
      ).sort(),
    ).toEqual(["OppositeDirection", "OppositeDirection", "PrimaryTargetDisagrees"]);
    // Many assertions wait behind a disclosure, so the conflicts and the claims stay in reach.
    const list = section.locator("details.assertions");
    expect(await list.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await list.locator("summary").textContent()).toMatch(/^Show the \d+ assertions/);
    // Before the claims grouped by predicate, as trace puts them.
    const order = await details().evaluate((d) => {
      const across = d.querySelector("section.agreement");
      const group = d.querySelector("section.group");
      return across && group ? across.compareDocumentPosition(group) : 0;
    });
    expect(order & 4).toBe(4); // DOCUMENT_POSITION_FOLLOWING
  });

  it("logged no error and broke no policy", () => {
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(browser).toBeDefined();
  });
});
