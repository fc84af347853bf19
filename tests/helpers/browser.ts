// The browser for the viewer's end-to-end tests: Debian's chromium, headless, with WebGL in
// software (SwiftShader), in a throwaway profile. Never downloads a browser: without
// /usr/bin/chromium the tests fail with the way to install it, they are not skipped.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import launch from "../../scripts/chromium.json" with { type: "json" };
import { ROOT } from "./build.ts";

// The launch options the bench uses too (scripts/chromium.json): Debian's chromium, headless,
// WebGL in software, no background networking.
export const CHROMIUM = launch.executablePath;

/** Where screenshots go (git-ignored). */
export const ARTIFACTS = join(ROOT, "tests", "artifacts");

export interface Browser {
  readonly context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (see .ci/run)`);
  }
  const profile = mkdtempSync(join(tmpdir(), "cg-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    args: launch.args,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PageProblems {
  /** Console messages of type "error" (CSP violations among them). */
  readonly consoleErrors: string[];
  /** Uncaught exceptions in the page. */
  readonly pageErrors: string[];
}

/** Collects console errors and uncaught exceptions of `page` from now on. */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [] };
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.pageErrors.push(String(error)));
  return problems;
}

/** Opens `url` and waits until the viewer has drawn the graph (body[data-ready=true]). */
export async function openViewer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true], body[data-error]", { timeout: 30_000 });
  const error = await page.getAttribute("body", "data-error");
  if (error !== null) throw new Error(`the viewer failed to load: ${error}`);
}

/** Counts the pixels of sigma's canvases that differ from the page's background. */
export function drawnPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const cg = (window as unknown as { claimgraph: { renderer: SigmaLike } }).claimgraph;
    // A synchronous render first: WebGL canvases (preserveDrawingBuffer false) can only be
    // read in the task that drew them.
    cg.renderer.refresh();
    const canvases = Object.values(cg.renderer.getCanvases());
    const first = canvases[0];
    if (!first) return 0;
    const out = document.createElement("canvas");
    out.width = first.width;
    out.height = first.height;
    const ctx = out.getContext("2d");
    if (!ctx) return 0;
    // Sigma draws nodes and edges with WebGL and labels on 2D canvases, all stacked.
    for (const canvas of canvases) ctx.drawImage(canvas, 0, 0);
    const { data } = ctx.getImageData(0, 0, out.width, out.height);
    let drawn = 0;
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i + 3] ?? 0) > 0) drawn++;
    }
    return drawn;
  });
}

interface SigmaLike {
  refresh(): void;
  getCanvases(): Record<string, HTMLCanvasElement>;
}

/** Saves a screenshot of `page` as tests/artifacts/`name`.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
