/** Which parenthesised words name their entity again: acronyms, pharmacology's lower-case-led ones included. */
import { describe, expect, it } from "vitest";
import { ontologyDir } from "../../src/base/paths.ts";
import { isAcronym } from "../../src/claims/acronym.ts";
import { readPhrase } from "../../src/claims/cells.ts";
import { loadLexicon } from "../../src/lexicon/load.ts";

describe("isAcronym", () => {
  it.each(["SERT", "MT1", "5-HT2A", "NET", "mCPP", "hERG", "mTOR", "cAMP", "iNOS"])(
    "%s is an acronym",
    (word) => expect(isAcronym(word)).toBe(true),
  );
  it.each(["weak", "mg", "pH", "pKi", "Wistar", "High", "i.p.", "potent antagonist"])(
    "%s is not",
    (word) => expect(isAcronym(word)).toBe(false),
  );
});

describe("a cell naming a metabolite with its abbreviation", () => {
  it("keeps '(mCPP)' as the same name, not a qualifier", () => {
    const { lexicon } = loadLexicon(ontologyDir());
    expect(readPhrase(lexicon, "m-Chlorophenylpiperazine (mCPP)")).toEqual({
      value: "m-Chlorophenylpiperazine (mCPP)",
      qualifier: undefined,
    });
    expect(readPhrase(lexicon, "Norquetiapine (weak)")).toEqual({
      value: "Norquetiapine",
      qualifier: "weak",
    });
  });
});
