// Trusty URIs (`--trusty`): each nanopublication's IRI ends in the RA artifact code of its
// content, and the nanopub toolkit (@nanopub/sign, an independent implementation) agrees with
// every one of them; a changed statement or code is caught; the build stays byte-stable, and
// apart from the renamed IRIs it is the plain build.
import type { Quad, Term } from "@rdfjs/types";
import { DataFactory } from "n3";
import { afterAll, describe, expect, it } from "vitest";
import { type Built, build, render } from "../../../src/pipeline/pipeline.ts";
import { compareUtf8 } from "../../../src/rdf/write/trusty.ts";
import {
  NO_CURATION,
  removeTemp,
  SECOND_SOURCES,
  SEED_SOURCES,
  seedBuild,
} from "../../helpers/build.ts";
import { checkNanopub, nanopubsOf, nanopubTrig } from "../../helpers/nanopub-sign.ts";

const { namedNode, quad } = DataFactory;

afterAll(removeTemp);

const TRUSTY = /^(.+\/np\/[^#/]+)\.(RA[A-Za-z0-9_-]{43})$/;

let trusty: Built | undefined;
function trustyBuild(): Built {
  trusty ??= build({ sources: SEED_SOURCES, trusty: true });
  return trusty;
}

describe("--trusty: nanopublications with trusty URIs", () => {
  it("gives every nanopublication an RA code the nanopub toolkit verifies", async () => {
    const nanopubs = nanopubsOf(trustyBuild().quads);
    expect(nanopubs.size).toBe(seedBuild().kb.documents.flatMap((d) => d.claims).length);
    for (const [np, quads] of nanopubs) {
      const code = TRUSTY.exec(np)?.[2];
      expect(code, np).toBeDefined();
      const info = await checkNanopub(nanopubTrig(quads));
      expect(info.uri.value).toBe(np);
      expect(info.trusty_hash).toBe(code);
    }
  });

  it("is caught by the toolkit when a statement or the code is changed", async () => {
    const [np, quads] = [...nanopubsOf(trustyBuild().quads)][0] as [string, Quad[]];
    const edited = quads.map((q) =>
      q.object.termType === "Literal" && q.predicate.value.endsWith("#displayText")
        ? quad(q.subject, q.predicate, DataFactory.literal(`${q.object.value}!`), q.graph)
        : q,
    );
    expect(edited).not.toEqual(quads);
    await expect(checkNanopub(nanopubTrig(edited))).rejects.toBeDefined();
    const code = TRUSTY.exec(np)?.[2] as string;
    const other = `${code.slice(0, -1)}${code.endsWith("A") ? "B" : "A"}`;
    const rename = <T extends Term>(t: T): T =>
      (t.termType === "NamedNode" ? namedNode(t.value.replace(code, other)) : t) as T;
    const renamed = quads.map((q) =>
      quad(rename(q.subject), q.predicate, rename(q.object), rename(q.graph)),
    );
    await expect(checkNanopub(nanopubTrig(renamed))).rejects.toBeDefined();
  });

  it("verifies the second document's nanopublications too", async () => {
    const second = build({ sources: SECOND_SOURCES, curation: NO_CURATION, trusty: true });
    const nanopubs = nanopubsOf(second.quads);
    expect(nanopubs.size).toBeGreaterThan(0);
    for (const [np, quads] of nanopubs)
      expect((await checkNanopub(nanopubTrig(quads))).trusty_hash).toBe(TRUSTY.exec(np)?.[2]);
  });

  it("writes the same bytes on every build", () => {
    const again = build({ sources: SEED_SOURCES, trusty: true });
    for (const format of ["trig", "nquads", "turtle", "jsonld"] as const)
      expect(render(again, format)).toBe(render(trustyBuild(), format));
    expect(render(again, "trig")).toMatch(/\.RA[A-Za-z0-9_-]{43}#head>/);
  });

  it("is the plain build with the pub: IRIs renamed, and nothing else changed", () => {
    const plain = (iri: string) =>
      iri.replace(/\.RA[A-Za-z0-9_-]{43}(?:#(head|assertion|provenance|pubinfo))?$/, (_, part) =>
        part ? `.${part}` : "",
      );
    const key = (q: Quad) =>
      [q.graph, q.subject, q.predicate, q.object]
        .map((t) =>
          t.termType === "NamedNode"
            ? plain(t.value)
            : `${t.value}|${"datatype" in t ? t.datatype.value : ""}`,
        )
        .join(" ");
    const back = trustyBuild().quads.map(key).sort();
    expect(back).toEqual(seedBuild().quads.map(key).sort());
    expect(trustyBuild().quads.some((q) => TRUSTY.test(q.subject.value))).toBe(true);
    expect(seedBuild().quads.some((q) => /\.RA[A-Za-z0-9_-]{43}/.test(q.graph.value))).toBe(false);
  });
});

describe("compareUtf8: the order of the normal form", () => {
  it("orders strings as their UTF-8 bytes, astral characters after the rest of the BMP", () => {
    const words = ["b", "a", "\u{1F600}", "\uFF21", "\uE000", "ab", "a\u00E9", "", "\uD7FF", "z"];
    const bytes = [...words].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect([...words].sort(compareUtf8)).toEqual(bytes);
    expect([...words].sort()).not.toEqual(bytes);
  });
});
