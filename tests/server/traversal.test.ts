// Static paths never leave the viewer's folder, tested toward files that exist: a viewer
// folder two levels deep in a scratch tree with a secret beside it and one above it, and the
// repository's own package.json two levels above dist/viewer. Each spelling below reaches a
// real file once the check it meets is taken away (verified by removing them one at a time):
// dot segments and containment (raw, %2e%2e, %2f), a second decoding (%252e, %252f),
// backslashes read as separators, absolute paths resolved as given.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, staticPath } from "../../src/server/server.ts";
import { ROOT } from "../helpers/build.ts";
import { rawRequest, serveKb, VIEWER_DIR } from "../helpers/serve.ts";

const SITE_SECRET = "site secret: next to the viewer's folder";
const TOP_SECRET = "top secret: two levels above the viewer's folder";

let scratch: string;
let viewer: string;
let server: RunningServer;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "cg-traversal-"));
  viewer = join(scratch, "site", "viewer");
  mkdirSync(join(viewer, "assets"), { recursive: true });
  writeFileSync(join(viewer, "index.html"), "<!doctype html><title>viewer</title>\n");
  writeFileSync(join(viewer, "assets", "app.js"), "export {};\n");
  writeFileSync(join(scratch, "site", "secret.txt"), `${SITE_SECRET}\n`);
  writeFileSync(join(scratch, "secret.txt"), `${TOP_SECRET}\n`);
  server = await serveKb(undefined, { viewerDir: viewer });
});
afterAll(async () => {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Paths to secret.txt beside the viewer's folder (site) or above it (top). */
const spellings = (): string[] => {
  const absolute = join(scratch, "site", "secret.txt");
  return [
    // dot segments, as sent and percent-encoded
    "/../secret.txt",
    "/../../secret.txt",
    "/assets/../../secret.txt",
    "/assets/../../../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E/%2e%2e/secret.txt",
    "/.%2e/secret.txt",
    "/%2e./secret.txt",
    "/assets/%2e%2e/%2e%2e/secret.txt",
    // encoded slashes
    "/..%2fsecret.txt",
    "/..%2F..%2Fsecret.txt",
    "/assets%2f..%2f..%2fsecret.txt",
    "/%2e%2e%2fsecret.txt",
    // double encoding
    "/%252e%252e/secret.txt",
    "/..%252fsecret.txt",
    "/%252e%252e%252f%252e%252e%252fsecret.txt",
    // backslashes, as sent and encoded
    "/..\\secret.txt",
    "/..\\..\\secret.txt",
    "/..%5csecret.txt",
    "/assets%5c..%5c..%5csecret.txt",
    // absolute paths
    `/${absolute}`,
    `/${absolute.split("/").map(encodeURIComponent).join("%2f")}`,
    `/${absolute.split("/").map(encodeURIComponent).join("%2F")}`,
    "//etc/passwd",
    "/%2fetc%2fpasswd",
  ];
};

describe("a static path toward a file outside the viewer's folder", () => {
  it("is refused by staticPath in every spelling", () => {
    for (const path of spellings()) expect(staticPath(viewer, path), path).toBeUndefined();
    // What the folder holds is still found.
    expect(staticPath(viewer, "/")).toBe(join(viewer, "index.html"));
    expect(staticPath(viewer, "/assets/app.js")).toBe(join(viewer, "assets", "app.js"));
  });

  it("gets 404 from the server in every spelling, and none of the file", async () => {
    for (const path of spellings()) {
      const r = await rawRequest(server.url, path);
      expect(r.status, path).toBe(404);
      expect(r.body, path).not.toContain("secret");
      expect(r.body, path).not.toContain("root:");
    }
    expect((await rawRequest(server.url, "/assets/app.js")).body).toBe("export {};\n");
  });

  it("reaches not even the repository's package.json from dist/viewer", () => {
    // The spellings of issue #10: two levels up from dist/viewer is the repository's root.
    expect(readFileSync(join(VIEWER_DIR, "..", "..", "package.json"), "utf8")).toContain(
      '"name": "claimgraph"',
    );
    for (const path of [
      "/..%2f..%2fpackage.json",
      "/../../package.json",
      "/%2e%2e/%2e%2e/package.json",
      "/%252e%252e/%252e%252e/package.json",
      "/..%5c..%5cpackage.json",
      `/${join(ROOT, "package.json")}`,
    ])
      expect(staticPath(VIEWER_DIR, path), path).toBeUndefined();
  });
});
