// The build's agreement graph follows the conflict rules of the ontology folder it is given
// (`--ontology`), not the installed one: a broken rules file there fails the build, located.
// A source whose id names one of the knowledge base's own graphs is refused.
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CONFLICT_RULES_FILE } from "../../src/agreement/rules.ts";
import { ontologyDir } from "../../src/base/paths.ts";
import { prepare } from "../../src/pipeline/pipeline.ts";
import { removeTemp, tempDir } from "../helpers/build.ts";

afterAll(removeTemp);

describe("the build's conflict rules", () => {
  it("are read from the --ontology folder, and a bad row there fails the build at its place", () => {
    const dir = join(tempDir(), "ontology");
    cpSync(ontologyDir(), dir, { recursive: true });
    const file = join(dir, CONFLICT_RULES_FILE);
    writeFileSync(file, "row\tterm\tother\tlabel\nrank\tRare\ttwo\tfrequency\n");
    let error: unknown;
    try {
      prepare({ sources: join(ontologyDir(), "..", "graph", "sources"), ontology: dir });
    } catch (e) {
      error = e;
    }
    expect((error as Error | undefined)?.name).toBe("InputError");
    const diagnostics = (error as { diagnostics: { file: string; code: string; line: number }[] })
      .diagnostics;
    expect(diagnostics[0]).toMatchObject({ file, code: "BadConflictRule", line: 2 });
  });
});

describe("a source named like the knowledge base's own graphs", () => {
  it.each(["shared", "agreement"])("%s.md is refused, named, before anything is written", (id) => {
    const sources = join(tempDir(), `sources-${id}`);
    mkdirSync(sources);
    const seed = join(ontologyDir(), "..", "graph", "sources", "desipramine-vs-ssris.md");
    copyFileSync(seed, join(sources, `${id}.md`));
    let error: unknown;
    try {
      prepare({ sources, curation: false });
    } catch (e) {
      error = e;
    }
    const diagnostics = (error as { diagnostics?: { code: string; message: string }[] })
      .diagnostics;
    expect(diagnostics?.map((d) => d.code)).toContain("ReservedDocumentId");
    expect(diagnostics?.find((d) => d.code === "ReservedDocumentId")?.message).toContain(`"${id}"`);
  });
});
