// The zoom keys: +, =, -, f and 0 ask for zoom in, out, fit and reset; not with a modifier
// (the browser's own zoom) and not while typing into a text field.
import { describe, expect, it } from "vitest";
import { zoomKey } from "../../src/viewer/zoom.ts";

const on = (tagName: string, type = "") => ({ tagName, type, isContentEditable: false });
const press = (key: string, target: object | null = on("BODY"), mods = {}) =>
  zoomKey({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target: target as EventTarget,
    ...mods,
  });

describe("zoomKey", () => {
  it("maps +, =, -, f and 0 to zoom in, in, out, fit and reset", () => {
    expect(["+", "=", "-", "f", "0"].map((k) => press(k))).toEqual([
      "in",
      "in",
      "out",
      "fit",
      "reset",
    ]);
    expect(press("x")).toBeNull();
    expect(press("1")).toBeNull();
  });

  it("leaves keys with a modifier to the browser", () => {
    expect(press("+", on("BODY"), { ctrlKey: true })).toBeNull();
    expect(press("-", on("BODY"), { metaKey: true })).toBeNull();
    expect(press("0", on("BODY"), { altKey: true })).toBeNull();
  });

  it("leaves keys typed into the search, a text area, a select or editable text", () => {
    expect(press("+", on("INPUT", "search"))).toBeNull();
    expect(press("-", on("INPUT", "text"))).toBeNull();
    expect(press("0", on("TEXTAREA"))).toBeNull();
    expect(press("f", on("SELECT"))).toBeNull();
    expect(press("+", { tagName: "DIV", isContentEditable: true })).toBeNull();
  });

  it("still zooms from a checkbox or a button (no text is typed there)", () => {
    expect(press("+", on("INPUT", "checkbox"))).toBe("in");
    expect(press("-", on("BUTTON"))).toBe("out");
  });
});
