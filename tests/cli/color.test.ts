// Colour through one standard path (src/cli/color.ts, Node's util.styleText): the bundled CLI
// (dist/, built by `npm run build:cli`) run on a terminal (util-linux `script` gives it one) and
// through a pipe, with each environment variable and flag that decides colour.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ESC = String.fromCharCode(27);
const TRACE = ["trace", "--limit", "1", "desipramine"];

/** The environment without anything that decides colour, plus `extra`. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const clean = { ...process.env };
  // CI too: Node gives a terminal only two colours (none for styleText) when CI is set, as
  // .ci/run sets it.
  for (const name of ["NO_COLOR", "FORCE_COLOR", "NODE_DISABLE_COLORS", "TERM", "CI", "COLORTERM"])
    delete clean[name];
  return { ...clean, TERM: "xterm-256color", ...extra };
}

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/** claimgraph's stdout on a terminal: `script` runs it on a pseudo-terminal. */
function onTerminal(args: readonly string[], extra: Record<string, string> = {}): string {
  const command = [process.execPath, "bin/claimgraph.js", ...args].map(quote).join(" ");
  const r = spawnSync("script", ["-qec", command, "/dev/null"], {
    cwd: ROOT,
    encoding: "utf8",
    env: env(extra),
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** claimgraph's stdout through a pipe. */
function piped(args: readonly string[], extra: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, ["bin/claimgraph.js", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: env(extra),
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

beforeAll(() => {
  expect(existsSync(join(ROOT, "dist", "main.js")), "run `npm run build:cli`").toBe(true);
});

describe("colour", () => {
  it("honours NO_COLOR, FORCE_COLOR and TERM=dumb as Node's util.styleText does", () => {
    const cases: [string, string, boolean][] = [
      ["terminal", "", true],
      ["terminal", "NO_COLOR=1", false],
      ["terminal", "TERM=dumb", false],
      ["terminal", "FORCE_COLOR=0", false],
      ["pipe", "", false],
      ["pipe", "FORCE_COLOR=1", true],
    ];
    const seen = cases.map(([where, setting]) => {
      const extra = setting ? Object.fromEntries([setting.split("=")]) : {};
      const out = where === "terminal" ? onTerminal(TRACE, extra) : piped(TRACE, extra);
      return [where, setting, out.includes(ESC)];
    });
    expect(seen).toEqual(cases);
  });

  it("--color colours piped output and --no-color plain on a terminal, before or after the command", () => {
    expect(piped(["--color", ...TRACE])).toContain(`${ESC}[`);
    expect(piped([...TRACE, "--color"])).toContain(`${ESC}[`);
    expect(onTerminal(["--no-color", ...TRACE])).not.toContain(ESC);
    expect(onTerminal([...TRACE, "--no-color"], { FORCE_COLOR: "1" })).not.toContain(ESC);
  });
});
