import { describe, expect, it } from "vitest";
import { DEFAULT_BASE_IRI } from "../../../src/rdf/vocab/vocabulary.ts";
import { Iris } from "../../../src/rdf/write/iris.ts";
import { NanopubIris } from "../../../src/rdf/write/nanopub-iris.ts";

const iris = new Iris(DEFAULT_BASE_IRI);
const claim = (id: string) => iris.claim(id).value;
const plain = (id: string) => iris.nanopub(id).value;

describe("NanopubIris", () => {
  it("keeps no plain nanopublication IRI, and gives it from its claim's", () => {
    const nanopubs = new NanopubIris(iris);
    nanopubs.record(claim("doc.a.b.1"), plain("doc.a.b.1"));
    nanopubs.record(claim("doc.a.b.2"), plain("doc.a.b.2"));
    expect(nanopubs.kept).toBe(0);
    expect(nanopubs.of(claim("doc.a.b.1"))).toBe(plain("doc.a.b.1"));
    expect(nanopubs.of(claim("doc.a.b.2"))).toBe(`${DEFAULT_BASE_IRI}np/doc.a.b.2`);
  });

  it("keeps an IRI that does not follow from its claim's: a trusty URI", () => {
    const nanopubs = new NanopubIris(iris);
    const trusty = `${plain("doc.a.b.1")}.RAabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJK`;
    nanopubs.record(claim("doc.a.b.1"), trusty);
    nanopubs.record(claim("doc.a.b.2"), plain("doc.a.b.2"));
    expect(nanopubs.kept).toBe(1);
    expect(nanopubs.of(claim("doc.a.b.1"))).toBe(trusty);
    expect(nanopubs.of(claim("doc.a.b.2"))).toBe(plain("doc.a.b.2"));
  });

  it("follows only claims under its own base", () => {
    const nanopubs = new NanopubIris(iris);
    const other = new Iris("https://example.org/kb/");
    expect(nanopubs.of(other.claim("doc.a.b.1").value)).toBeUndefined();
    nanopubs.record(other.claim("doc.a.b.1").value, other.nanopub("doc.a.b.1").value);
    expect(nanopubs.of(other.claim("doc.a.b.1").value)).toBe(other.nanopub("doc.a.b.1").value);
  });
});
