// The viewer at scale: how long `claimgraph serve` takes to print its address (its own start),
// and how long Debian's Chromium (headless, WebGL in software, the launch options of
// tests/helpers/browser.ts) takes from page.goto to body[data-ready=true]. Never downloads a
// browser: without /usr/bin/chromium this part is skipped and says so.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { overviewShot } from "./scale-format.mjs";

// The launch options tests/helpers/browser.ts uses too.
const launch = JSON.parse(readFileSync(new URL("../chromium.json", import.meta.url), "utf8"));
export const CHROMIUM = launch.executablePath;
const LAUNCH = { ...launch, headless: true, viewport: { width: 1280, height: 800 } };

/**
 * Starts `claimgraph serve --kb FILE --port 0`; resolves when it prints its address, with the
 * wall time from spawn to that line. `stop()` ends it (SIGTERM, which serve handles).
 */
export function startServe({ root, kb, env, rusageFile }) {
  const start = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    [
      "--import",
      "./scripts/bench/maxrss.mjs",
      "bin/claimgraph.js",
      "serve",
      "--kb",
      kb,
      "--port",
      "0",
    ],
    {
      cwd: root,
      env: { ...env, CLAIMGRAPH_BENCH_RUSAGE: rusageFile },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  child.stderr.on("data", (d) => {
    err += d;
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  const ready = new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/claimgraph viewer: (http:\/\/\S+)\s+\(([^)]*)\)/);
      if (m) {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        resolve({ url: m[1], what: m[2].split(";")[0], ms });
      }
    });
    child.on("exit", (code) => reject(new Error(`bench: serve exited with ${code}:\n${err}`)));
  });
  return {
    ready,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      return existsSync(rusageFile) ? JSON.parse(readFileSync(rusageFile, "utf8")) : null;
    },
  };
}

/** Opens `url` in a fresh browser `runs` times; the ms from goto to data-ready, per run. */
export async function timeViewer(url, runs) {
  const { chromium } = await import("playwright-core");
  const results = [];
  for (let i = 0; i < runs; i++) {
    // A fresh profile each time: nothing cached from the run before.
    const profile = mkdtempSync(join(tmpdir(), "claimgraph-bench-chromium-"));
    const context = await chromium.launchPersistentContext(profile, LAUNCH);
    try {
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      const start = process.hrtime.bigint();
      await page.goto(url);
      await page.waitForSelector("body[data-ready=true], body[data-error]", { timeout: 120_000 });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const error = await page.getAttribute("body", "data-error");
      if (error !== null) throw new Error(`bench: the viewer failed to load: ${error}`);
      const detail = await page.evaluate(() => {
        const entries = performance.getEntriesByType("resource").map((e) => ({
          name: new URL(e.name).pathname,
          ms: e.duration,
          bytes: e.encodedBodySize,
        }));
        const nav = performance.getEntriesByType("navigation")[0];
        return { entries, domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : null };
      });
      const view = detail.entries.find((e) => e.name === "/api/view");
      results.push({
        ms,
        domContentLoadedMs: detail.domContentLoadedMs,
        viewMs: view?.ms ?? null,
        viewBytes: view?.bytes ?? null,
        errors,
      });
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  return results;
}

/**
 * The overview as a person opens it (1280×800, like the tests): a screenshot saved to
 * `screenshotPath`, and what the layout gives — how many overview nodes, how many pairs of
 * them overlap (from /api/view's positions and sizes), the share of nodes nearer their own
 * type's centre than another's, and how many labels the opening frame draws.
 */
export async function probeOverview(url, screenshotPath) {
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(join(tmpdir(), "claimgraph-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, LAUNCH);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true], body[data-error]", { timeout: 120_000 });
    mkdirSync(dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath });
    return await page.evaluate(async () => {
      const view = await (await fetch("/api/view")).json();
      const nodes = view.nodes;
      let overlapping = 0;
      for (let i = 0; i < nodes.length; i++)
        for (let j = i + 1; j < nodes.length; j++) {
          const [a, b] = [nodes[i], nodes[j]];
          if (Math.hypot(a.x - b.x, a.y - b.y) < a.size + b.size) overlapping++;
        }
      const centres = new Map();
      for (const n of nodes) {
        const c = centres.get(n.type) ?? { x: 0, y: 0, n: 0 };
        centres.set(n.type, { x: c.x + n.x, y: c.y + n.y, n: c.n + 1 });
      }
      let home = 0;
      for (const n of nodes) {
        let best = null;
        let bestD = Infinity;
        for (const [type, c] of centres) {
          const d = Math.hypot(c.x / c.n - n.x, c.y / c.n - n.y);
          if (d < bestD) [best, bestD] = [type, d];
        }
        if (best === n.type) home++;
      }
      const cg = window.claimgraph;
      cg.renderer.refresh();
      return {
        nodes: nodes.length,
        overlapping,
        groupedShare: home / nodes.length,
        labels: cg.labelsDrawn().length,
      };
    });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The viewer at scale (scale.mjs): serve's start without and with a snapshot, then the page. */
export async function benchViewer({ root, env, kb, work, runs, documents }) {
  const dir = join(work, "cache-serve");
  mkdirSync(dir, { recursive: true });
  const serveEnv = { ...env, CLAIMGRAPH_CACHE_DIR: dir };
  const rusage = join(work, "serve.rusage.json");
  const starts = [];
  let first = null;
  let server = null;
  try {
    for (let i = 0; i <= runs; i++) {
      server = startServe({ root, kb, env: serveEnv, rusageFile: rusage });
      const ready = await server.ready;
      if (i === 0) first = ready;
      else starts.push(ready);
      if (i < runs) {
        const usage = await server.stop();
        if (i === 0) first.maxRssBytes = usage?.maxRssBytes ?? null;
        else starts.at(-1).maxRssBytes = usage?.maxRssBytes ?? null;
        server = null;
      }
    }
    const pages = await timeViewer(starts.at(-1).url, runs);
    // The overview's screenshot (tests/artifacts/, as the tests' own) and its layout.
    const shot = join(root, "tests", "artifacts", overviewShot(documents));
    const overview = await probeOverview(starts.at(-1).url, shot);
    const usage = await server.stop();
    server = null;
    return {
      skipped: null,
      first,
      starts,
      pages,
      overview,
      servedMaxRssBytes: usage?.maxRssBytes ?? null,
    };
  } finally {
    await server?.stop();
  }
}
