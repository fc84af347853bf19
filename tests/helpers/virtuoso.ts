// A scratch Virtuoso for the triple-store tests: scripts/virtuoso/start.sh in a temporary folder on
// two free loopback ports, stopped (and its folder removed) by stop(). A missing Virtuoso fails the
// test run: these tests are never skipped.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./build.ts";

const INSTALL_HINT = "install virtuoso-opensource-7-bin (see .ci/run)";

export interface Virtuoso {
  /** The SPARQL endpoint, http://127.0.0.1:PORT/sparql. */
  readonly endpoint: string;
  /** The authenticated Graph Store endpoint (Digest, user dba / password dba). */
  readonly graphStore: string;
  readonly isqlPort: number;
  readonly dir: string;
  /** Runs SQL as dba through isql-vt; returns what it printed. */
  sql(statements: string): string;
  stop(): Promise<void>;
}

export async function startVirtuoso(): Promise<Virtuoso> {
  const probe = spawnSync("virtuoso-t", ["-?"], { stdio: "ignore" });
  if ((probe.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
    throw new Error(`virtuoso-t was not found on PATH: ${INSTALL_HINT}`);
  }
  let lastError: Error | undefined;
  // Free ports can be taken between choosing them and Virtuoso binding them: try again then.
  for (let attempt = 0; attempt < 3; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), "claimgraph-virtuoso-"));
    const [http, isql] = await freePorts(2);
    const result = await runScript("start.sh", [dir], {
      VIRTUOSO_HTTP_PORT: String(http),
      VIRTUOSO_ISQL_PORT: String(isql),
      VIRTUOSO_BUFFERS: "4000",
    });
    if (result.code === 0) {
      const info = Object.fromEntries(
        result.stdout
          .split("\n")
          .filter((l) => l.includes("="))
          .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
      );
      return {
        endpoint: info.endpoint as string,
        graphStore: info.graph_store as string,
        isqlPort: Number(info.isql),
        dir,
        sql: (statements) => {
          const r = spawnSync(
            "isql-vt",
            [
              `127.0.0.1:${isql}`,
              "dba",
              "dba",
              "VERBOSE=OFF",
              "BANNER=OFF",
              "ERRORS=STDOUT",
              `exec=${statements}`,
            ],
            { encoding: "utf8", timeout: 30_000 },
          );
          const out = `${r.stdout ?? ""}${r.stderr ?? ""}`;
          if (r.status !== 0 || out.includes("*** Error"))
            throw new Error(`isql-vt failed: ${out}`);
          return out;
        },
        stop: async () => {
          const stopped = await runScript("stop.sh", [dir], {});
          rmSync(dir, { recursive: true, force: true });
          if (stopped.code !== 0) throw new Error(`stop.sh failed: ${stopped.stderr}`);
        },
      };
    }
    rmSync(dir, { recursive: true, force: true });
    lastError = new Error(
      `scripts/virtuoso/start.sh failed (exit ${result.code}):\n${result.stderr}`,
    );
    if (!result.stderr.includes("in use")) break;
  }
  throw lastError ?? new Error("Virtuoso did not start");
}

function runScript(
  name: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [join(ROOT, "scripts", "virtuoso", name), ...args], {
      env: { ...process.env, ...env },
      // Virtuoso inherits no pipe of ours, so the script's end is not held up by the server.
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const s = createServer();
          s.once("error", reject);
          s.listen(0, "127.0.0.1", () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}
