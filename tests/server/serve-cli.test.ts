// `claimgraph serve` through main(), with captured output: it prints its address, listens on
// 127.0.0.1 unless told otherwise, and warns when told to listen beyond loopback. Each
// server is stopped by calling the SIGINT handler serve itself installed — only that one,
// never the process's other listeners — and the test waits until main() has returned.
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { Io } from "../../src/cli/output.ts";
import { run } from "../helpers/cli.ts";
import { rawRequest, SEED_KB } from "../helpers/serve.ts";

interface Running {
  readonly out: () => string;
  readonly err: () => string;
  readonly url: string;
  /** Stops the server and resolves with main()'s exit code. */
  stop(): Promise<number>;
}

const running: Running[] = [];

afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});

/** Runs `claimgraph serve ...argv` until it prints its address. */
async function serve(argv: readonly string[]): Promise<Running> {
  let out = "";
  let err = "";
  const io: Io = {
    out: (text) => {
      out += `${text}\n`;
    },
    err: (text) => {
      err += `${text}\n`;
    },
  };
  const before = new Set(process.listeners("SIGINT"));
  const exit = main(["serve", "--kb", SEED_KB, ...argv], io);
  let code: number | undefined;
  void exit.then((c) => {
    code = c;
  });
  const deadline = Date.now() + 20_000;
  while (!/claimgraph viewer: /.test(out)) {
    if (code !== undefined) throw new Error(`serve exited with ${code}:\n${err}`);
    if (Date.now() > deadline) throw new Error(`serve printed no address:\n${out}\n${err}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const mine = process.listeners("SIGINT").filter((l) => !before.has(l));
  if (mine.length !== 1)
    throw new Error(`expected serve to add one SIGINT handler, not ${mine.length}`);
  const handler = mine[0] as () => void;
  const url = /claimgraph viewer: (\S+)/.exec(out)?.[1] ?? "";
  let stopped: Promise<number> | undefined;
  const r: Running = {
    out: () => out,
    err: () => err,
    url,
    stop: () => {
      stopped ??= (() => {
        handler();
        return exit;
      })();
      return stopped;
    },
  };
  running.push(r);
  return r;
}

describe("claimgraph serve", () => {
  it("listens on 127.0.0.1 by default, prints its address and warns about nothing", async () => {
    const s = await serve(["--port", "0"]);
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(s.out()).toMatch(
      /^claimgraph viewer: http:\/\/127\.0\.0\.1:\d+\/ {2}\(158 nodes, \d+ edges; Ctrl-C stops it\)$/m,
    );
    expect(s.err()).toBe("");
    const page = await rawRequest(s.url, "/");
    expect(page.status).toBe(200);
    expect(await s.stop()).toBe(0);
  });

  it("warns when listening on 0.0.0.0", async () => {
    const s = await serve(["--port", "0", "--host", "0.0.0.0"]);
    expect(s.err()).toMatch(
      /^claimgraph: warning: listening on 0\.0\.0\.0: anyone who can reach this address can read the knowledge base$/m,
    );
    expect(s.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/$/);
    const port = new URL(s.url).port;
    const page = await rawRequest(`http://127.0.0.1:${port}/`, "/api/search?q=NET");
    expect(page.status).toBe(200);
    expect(await s.stop()).toBe(0);
  });

  it("does not warn for another loopback name", async () => {
    const s = await serve(["--port", "0", "--host", "localhost"]);
    expect(s.err()).toBe("");
    expect(await s.stop()).toBe(0);
  });

  it("answers the names given with --allow-host, its own, and no other", async () => {
    const s = await serve(["--port", "0", "--allow-host", "viewer.test", "--allow-host", "kb.lan"]);
    const port = new URL(s.url).port;
    const get = (host: string) => rawRequest(s.url, "/api/view", { headers: { Host: host } });
    for (const host of ["viewer.test", "kb.lan", "127.0.0.1", "localhost"])
      expect((await get(`${host}:${port}`)).status, host).toBe(200);
    for (const host of ["other.test", "viewer.test.attacker.example"])
      expect((await get(`${host}:${port}`)).status, host).toBe(421);
    expect(await s.stop()).toBe(0);
  });

  it("refuses an --allow-host that is not a host name or address, with exit code 2", async () => {
    for (const value of ["viewer.test:8787", "http://viewer.test", "viewer.test/x", "a b", ""]) {
      const r = await run(["serve", "--kb", SEED_KB, "--port", "0", "--allow-host", value]);
      expect(r.code, value).toBe(2);
      expect(r.err, value).toContain("a host name or IP address is needed");
    }
  });

  it("--help describes --allow-host", async () => {
    for (const command of ["serve", "start"]) {
      const r = await run([command, "--help"]);
      expect(r.code).toBe(0);
      expect(r.out).toContain("--allow-host <name>");
      expect(r.out).toMatch(/421/);
    }
  });

  it("prints /sparql's address and applies --query-limit and --cors to it", async () => {
    const s = await serve(["--port", "0", "--query-limit", "2", "--cors", "https://yasgui.test"]);
    expect(s.out()).toContain(`SPARQL endpoint: ${s.url}sparql`);
    const ask = (query: string) =>
      rawRequest(s.url, `/sparql?${new URLSearchParams({ query })}`, {
        headers: { Origin: "https://yasgui.test" },
      });
    const fits = await ask("SELECT ?c WHERE { ?c a cg:ProseClaim } LIMIT 2");
    expect(fits.status).toBe(200);
    expect(fits.headers["access-control-allow-origin"]).toBe("https://yasgui.test");
    const over = await ask("SELECT ?c WHERE { ?c a cg:ProseClaim } LIMIT 3");
    expect(over.status).toBe(400);
    expect(over.body).toContain("limit of 2");
    expect(await s.stop()).toBe(0);
  });

  it("refuses a --query-timeout, --query-limit or --cors it cannot use, with exit code 2", async () => {
    for (const args of [
      ["--query-timeout", "0"],
      ["--query-timeout", "1.5"],
      ["--query-timeout", "86400001"],
      ["--query-limit", "-1"],
      ["--query-limit", "many"],
      ["--cors", "https://yasgui.test/"],
      ["--cors", "yasgui.test"],
    ]) {
      const r = await run(["serve", "--kb", SEED_KB, "--port", "0", ...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err, args.join(" ")).toMatch(/whole number ≥ 1|an origin is needed/);
    }
  });

  it("--help describes the endpoint's flags", async () => {
    for (const command of ["serve", "start"]) {
      const r = await run([command, "--help"]);
      for (const flag of ["--query-timeout <ms>", "--query-limit <rows>", "--cors <origin>"])
        expect(r.out, `${command} ${flag}`).toContain(flag);
    }
  });

  it("removes its signal handlers when stopped", async () => {
    const before = process.listeners("SIGINT").length;
    const beforeTerm = process.listeners("SIGTERM").length;
    const s = await serve(["--port", "0"]);
    expect(process.listeners("SIGINT").length).toBe(before + 1);
    await s.stop();
    expect(process.listeners("SIGINT").length).toBe(before);
    expect(process.listeners("SIGTERM").length).toBe(beforeTerm);
  });

  it("says when the port is taken, with exit code 2", async () => {
    const first = await serve(["--port", "0"]);
    const port = new URL(first.url).port;
    let err = "";
    const code = await main(["serve", "--kb", SEED_KB, "--port", port], {
      out: () => {},
      err: (text) => {
        err += text;
      },
    });
    expect(code).toBe(2);
    expect(err).toContain(`cannot listen on 127.0.0.1:${port}`);
    await first.stop();
  });
});
