// The user's secret key in the cache folder: made once, 0600, 32 bytes, and the same on every
// later call; a key file that is a link, no regular file, not the user's, open to others or
// of the wrong size is refused and left untouched, and a key for this run alone is given.
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SECRET_BYTES, userSecret } from "../../src/cache/secret-key.ts";

const scratch = mkdtempSync(join(tmpdir(), "claimgraph-secret-key-"));
let n = 0;
/** An environment whose cache folder is a new one under the scratch folder (not yet made). */
const fresh = () => ({ CLAIMGRAPH_CACHE_DIR: join(scratch, `cache-${n++}`) });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("userSecret", () => {
  it("makes the key once in the cache folder CLAIMGRAPH_CACHE_DIR names, 0600, and keeps it", () => {
    const env = fresh();
    const first = userSecret("test.key", env);
    expect(first).toMatchObject({ kept: true, path: join(env.CLAIMGRAPH_CACHE_DIR, "test.key") });
    expect(first.secret.length).toBe(SECRET_BYTES);
    expect(statSync(env.CLAIMGRAPH_CACHE_DIR).mode & 0o777).toBe(0o700);
    expect(statSync(first.path).mode & 0o777).toBe(0o600);
    expect(readFileSync(first.path)).toEqual(first.secret);
    const again = userSecret("test.key", env);
    expect(again.kept).toBe(true);
    expect(again.secret).toEqual(first.secret);
    expect(userSecret("test.key", fresh()).secret).not.toEqual(first.secret);
  });

  const unsafe: [string, (path: string) => void, RegExp][] = [
    ["readable by others", (p) => chmodSync(p, 0o644), /others may read or write it \(mode 644\)/],
    ["readable by its group", (p) => chmodSync(p, 0o640), /mode 640/],
    ["of the wrong size", (p) => writeFileSync(p, "short", { mode: 0o600 }), /does not hold 32/],
    [
      "a symbolic link to a private file",
      (p) => {
        writeFileSync(`${p}.real`, Buffer.alloc(SECRET_BYTES, 7), { mode: 0o600 });
        rmSync(p);
        symlinkSync(`${p}.real`, p);
      },
      /symbolic link/,
    ],
    [
      "a folder",
      (p) => {
        rmSync(p);
        mkdirSync(p);
      },
      /not a regular file/,
    ],
  ];
  // Only root can give a file to another account.
  if (process.getuid?.() === 0) {
    unsafe.push(["another account's", (p) => chownSync(p, 4242, 4242), /owned by uid 4242/]);
  }
  it.each(unsafe)(
    "refuses a key file %s, leaves it as it is, and gives a key for this run alone",
    (_, spoil, reason) => {
      const env = fresh();
      const made = userSecret("test.key", env);
      spoil(made.path);
      const before = lstatSync(made.path);
      const refused = userSecret("test.key", env);
      expect(refused.kept).toBe(false);
      expect(refused.kept ? "" : refused.reason).toMatch(reason);
      expect(refused.kept ? "" : refused.hint).toMatch(/remove it/);
      expect(refused.secret.length).toBe(SECRET_BYTES);
      expect(refused.secret).not.toEqual(made.secret);
      expect(userSecret("test.key", env).secret).not.toEqual(refused.secret);
      const after = lstatSync(made.path);
      expect([after.ino, after.mode, after.size]).toEqual([before.ino, before.mode, before.size]);
    },
  );

  it("keeps nothing when CLAIMGRAPH_NO_CACHE is set, or the cache folder is refused", () => {
    const off = { ...fresh(), CLAIMGRAPH_NO_CACHE: "1" };
    const noCache = userSecret("test.key", off);
    expect(noCache).toMatchObject({ kept: false, reason: /CLAIMGRAPH_NO_CACHE/ });
    expect(() => lstatSync(off.CLAIMGRAPH_CACHE_DIR)).toThrow(/ENOENT/);

    const open = fresh();
    mkdirSync(open.CLAIMGRAPH_CACHE_DIR);
    chmodSync(open.CLAIMGRAPH_CACHE_DIR, 0o777);
    const refused = userSecret("test.key", open);
    expect(refused).toMatchObject({ kept: false, reason: /others can write to it/ });
    expect(() => lstatSync(refused.path)).toThrow(/ENOENT/);
  });
});
