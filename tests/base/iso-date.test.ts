// ISO 8601 dates for dct:created: what `--created` accepts, and a document's stated date read
// into ISO form (or not at all when it cannot be read for sure).
import { describe, expect, it } from "vitest";
import { isIsoDate, isoDateOf } from "../../src/base/iso-date.ts";

describe("isIsoDate", () => {
  it.each([
    "2026-02-01",
    "2024-02-29",
    "2026-02-01T09:30:00Z",
    "2026-02-01T09:30:00.250+01:00",
    "2026-12-31T23:59:59-14:00",
  ])("accepts %s", (text) => expect(isIsoDate(text)).toBe(true));

  it.each([
    "2026-02",
    "2026-13-01",
    "2026-02-30",
    "2025-02-29",
    "2026-02-01T24:00:00Z",
    "2026-02-01T09:30:00",
    "2026-02-01T09:30:00+15:00",
    "01/02/2026",
    "February 2026",
    "yesterday",
    "",
  ])("rejects %j", (text) => expect(isIsoDate(text)).toBe(false));
});

describe("isoDateOf: a document's stated date", () => {
  it.each([
    ["February 2026", "2026-02"],
    ["february 2026.", "2026-02"],
    ["3 March 2025", "2025-03-03"],
    ["March 3, 2025", "2025-03-03"],
    ["2025-03-03", "2025-03-03"],
  ])("reads %j as %s", (stated, iso) => expect(isoDateOf(stated)).toBe(iso));

  it.each(["Spring 2026", "2026", "31 February 2026", "February", "Feb 2026", "3 4 March 2025"])(
    "leaves %j unread",
    (stated) => expect(isoDateOf(stated)).toBeUndefined(),
  );
});
