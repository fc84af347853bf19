// `safeHref`, the one gate between addresses in the knowledge base and links in the panel:
// absolute http(s) addresses become links; every other scheme (javascript:, data:,
// vbscript:, file:, mailto: …), relative and protocol-relative addresses, and anything that
// does not parse are refused (null), so a link can only lead to a web page the address names.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeHref } from "../../src/viewer/dom.ts";

describe("safeHref", () => {
  it.each([
    ["https://pubmed.ncbi.nlm.nih.gov/12183009/", "https://pubmed.ncbi.nlm.nih.gov/12183009/"],
    ["http://www.smolecule.com", "http://www.smolecule.com/"],
    ["https://doi.org/10.1000/xyz?x=1#top", "https://doi.org/10.1000/xyz?x=1#top"],
    ["HTTPS://EXAMPLE.ORG/A", "https://example.org/A"],
    ["  https://example.org/a  ", "https://example.org/a"],
  ])("keeps the web address %j (as %j)", (url, href) => {
    expect(safeHref(url)).toBe(href);
  });

  it("escapes markup in a kept address rather than passing it through", () => {
    const href = safeHref('https://example.org/"><script>alert(1)</script>') ?? "";
    expect(href.startsWith("https://example.org/")).toBe(true);
    expect(href).not.toMatch(/[<>"]/);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u0000javascript:alert(1)",
    "javascript://example.org/%0aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "mailto:info@example.org",
    "ftp://example.org/x",
    "blob:https://example.org/1234",
    "about:blank",
  ])("refuses the address %j", (url) => {
    expect(safeHref(url)).toBeNull();
  });

  it.each([
    "/kb/kb.ttl",
    "../secret",
    "page.html",
    "?q=1",
    "#top",
    "//evil.example/x",
    "\\\\evil.example\\x",
  ])("refuses the relative or protocol-relative address %j", (url) => {
    expect(safeHref(url)).toBeNull();
  });

  it.each([null, undefined, "", "   ", "http://", "https://exa mple.org", "http://[::1"])(
    "refuses %j, which is no address",
    (url) => {
      expect(safeHref(url)).toBeNull();
    },
  );

  it("returns null or an absolute http(s) address for any text at all", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 60 }),
          fc.webUrl(),
          fc
            .tuple(
              fc.constantFrom("javascript", "data", "vbscript", "http", "https", "HtTp", ""),
              fc.constantFrom(":", "://", ":/", "//", "\t:", ":\\\\"),
              fc.string({ maxLength: 30 }),
            )
            .map((parts) => parts.join("")),
        ),
        (url) => {
          const href = safeHref(url);
          if (href === null) return;
          const parsed = new URL(href);
          expect(["http:", "https:"]).toContain(parsed.protocol);
          expect(href).toMatch(/^https?:\/\/[^/\s]/);
        },
      ),
      { seed: 42, numRuns: 1000 },
    );
  });
});
