/** Input limits: a document too large to read is refused with a located error, before parsing. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_DOCUMENT_BYTES } from "../../src/build/files.ts";
import { missingDir, removeTempDirs, run, tempDir } from "../helpers/cli.ts";

afterAll(removeTempDirs);

describe("a document over the size limit", () => {
  it("is refused with DocumentTooLarge at 1:1 and exit code 1, and nothing is written", async () => {
    const sources = tempDir();
    writeFileSync(join(sources, "huge.md"), `# Huge\n\n${"a".repeat(MAX_DOCUMENT_BYTES)}\n`);
    const out = join(tempDir(), "out");
    const r = await run(["build", "--sources", sources, "--curation", missingDir(), "--out", out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/huge\.md:1:1: error\[DocumentTooLarge\]/);
    expect(r.err).toContain("hint:");
  });
});
