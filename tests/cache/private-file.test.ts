// The cache's writer: all or nothing, 0600, never through a link. A full disk is simulated by
// a write that fails part-way (no small tmpfs is available): the temporary file is removed
// and an earlier file of the same name is left as it was.
import fs, {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type FileOps, readPrivateFile, writePrivateFile } from "../../src/cache/private-file.ts";

const scratch = mkdtempSync(join(tmpdir(), "claimgraph-private-file-"));
let n = 0;
const fresh = () => {
  const dir = join(scratch, `d-${n++}`);
  fs.mkdirSync(dir, { mode: 0o700 });
  return dir;
};

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const real: FileOps = {
  openSync: (p, f, m) => fs.openSync(p, f, m),
  writeSync: (fd, d, o, l) => fs.writeSync(fd, d, o, l),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (a, b) => fs.renameSync(a, b),
  unlinkSync: (p) => fs.unlinkSync(p),
};

const parts = [Buffer.from("header\n"), Buffer.alloc(256 * 1024, "x")];

describe("writePrivateFile", () => {
  it("writes the parts whole, 0600, and leaves no temporary file", () => {
    const dir = fresh();
    writePrivateFile(join(dir, "a.snapshot"), parts);
    expect(readdirSync(dir)).toEqual(["a.snapshot"]);
    expect(readFileSync(join(dir, "a.snapshot"))).toEqual(Buffer.concat(parts));
    expect(statSync(join(dir, "a.snapshot")).mode & 0o777).toBe(0o600);
  });

  it("on a full disk (a write fails part-way) removes its temporary file and keeps the old file", () => {
    const dir = fresh();
    const path = join(dir, "a.snapshot");
    writeFileSync(path, "the previous snapshot");
    let written = 0;
    const full: FileOps = {
      ...real,
      writeSync: (fd, data, offset, length) => {
        if (written > 64 * 1024) {
          throw Object.assign(new Error("ENOSPC: no space left on device, write"), {
            code: "ENOSPC",
          });
        }
        const done = fs.writeSync(fd, data, offset, Math.min(length, 16 * 1024));
        written += done;
        return done;
      },
    };
    expect(() => writePrivateFile(path, parts, full)).toThrow(/ENOSPC/);
    expect(written).toBeGreaterThan(0);
    expect(readdirSync(dir)).toEqual(["a.snapshot"]);
    expect(readFileSync(path, "utf8")).toBe("the previous snapshot");
  });

  it("a failed rename removes the temporary file too", () => {
    const dir = fresh();
    const failing: FileOps = {
      ...real,
      renameSync: () => {
        throw Object.assign(new Error("EXDEV"), { code: "EXDEV" });
      },
    };
    expect(() => writePrivateFile(join(dir, "a.snapshot"), parts, failing)).toThrow(/EXDEV/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a symbolic link at its temporary name — planted as the file is opened — is not followed", () => {
    const dir = fresh();
    const victim = join(scratch, `victim-${n++}`);
    writeFileSync(victim, "the victim's file");
    const racing: FileOps = {
      ...real,
      openSync: (path, flags, mode) => {
        symlinkSync(victim, path);
        return fs.openSync(path, flags, mode);
      },
    };
    expect(() => writePrivateFile(join(dir, "a.snapshot"), parts, racing)).toThrow(/EEXIST/);
    expect(readFileSync(victim, "utf8")).toBe("the victim's file");
    expect(existsSync(join(dir, "a.snapshot"))).toBe(false);
  });

  it("uses a new, unpredictable temporary name each time", () => {
    const dir = fresh();
    const names: string[] = [];
    const spy: FileOps = {
      ...real,
      openSync: (path, flags, mode) => {
        names.push(path);
        return fs.openSync(path, flags, mode);
      },
    };
    writePrivateFile(join(dir, "a.snapshot"), parts, spy);
    writePrivateFile(join(dir, "a.snapshot"), parts, spy);
    expect(names[0]).toMatch(/a\.snapshot\.[0-9a-f]{16}\.tmp$/);
    expect(names[0]).not.toBe(names[1]);
    expect(names[0]).not.toContain(String(process.pid));
  });
});

describe("readPrivateFile", () => {
  it("reads a private file of the user's, and nothing through a link, or shared", () => {
    const dir = fresh();
    const path = join(dir, "a.snapshot");
    writePrivateFile(path, parts);
    expect(readPrivateFile(path)).toEqual(Buffer.concat(parts));
    const link = join(dir, "b.snapshot");
    symlinkSync(path, link);
    expect(readPrivateFile(link)).toBeUndefined();
    fs.chmodSync(path, 0o640);
    expect(readPrivateFile(path)).toBeUndefined();
    expect(readPrivateFile(join(dir, "missing"))).toBeUndefined();
  });
});
