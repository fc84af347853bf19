// CORS for /sparql: exact origins only, `*` only when given, and `--cors` values checked.
import { describe, expect, it } from "vitest";
import { corsHeaders, parseOrigin } from "../../src/server/cors.ts";

describe("corsHeaders", () => {
  it("sends nothing when CORS is off or the origin is not one given", () => {
    expect(corsHeaders([], "https://a.example")).toEqual({});
    expect(corsHeaders(["https://a.example"], "https://a.example.b.example")).toEqual({});
    expect(corsHeaders(["https://a.example"], "https://A.example")).toEqual({});
    expect(corsHeaders(["https://a.example"], undefined)).toEqual({});
  });

  it("echoes an origin given, and * only when * was given", () => {
    expect(corsHeaders(["https://a.example"], "https://a.example")).toEqual({
      "Access-Control-Allow-Origin": "https://a.example",
    });
    expect(corsHeaders(["*"], "https://b.example")).toEqual({ "Access-Control-Allow-Origin": "*" });
  });
});

describe("parseOrigin", () => {
  it("takes scheme://host[:port] and * as they are", () => {
    for (const origin of ["*", "https://yasgui.triply.cc", "http://localhost:8080"])
      expect(parseOrigin(origin)).toBe(origin);
  });

  it("refuses paths, trailing slashes, other schemes and non-URLs", () => {
    for (const bad of [
      "https://a.example/",
      "https://a.example/path",
      "ftp://a.example",
      "a.example",
      "https://a.example:443",
      "**",
    ])
      expect(parseOrigin(bad), bad).toBeUndefined();
  });
});
