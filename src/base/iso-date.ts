/**
 * ISO 8601 dates as a nanopublication's `dct:created` takes them: a date given on the command
 * line is checked (a real calendar day, a real time), and a document's stated date ("February
 * 2026", "3 March 2025", "2025-03-03") is read into ISO form. Nothing here reads the clock:
 * builds stay byte-identical.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

function isDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

function isZone(zone: string): boolean {
  if (zone === "Z") return true;
  const [h, m] = zone.slice(1).split(":").map(Number) as [number, number];
  return h <= 14 && m <= 59 && (h < 14 || m === 0);
}

/** Whether `text` is an ISO 8601 date (`2026-02-01`) or date-time with a zone (`…T09:30:00Z`). */
export function isIsoDate(text: string): boolean {
  const d = DATE.exec(text);
  if (d) return isDay(Number(d[1]), Number(d[2]), Number(d[3]));
  const t = DATE_TIME.exec(text);
  if (!t) return false;
  const [hour, minute, second] = [Number(t[4]), Number(t[5]), Number(t[6])];
  return (
    isDay(Number(t[1]), Number(t[2]), Number(t[3])) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    isZone(t[8] as string)
  );
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A document's stated date in ISO form: "February 2026" → "2026-02" (a year and month),
 * "3 March 2025" or "March 3, 2025" → "2025-03-03", an ISO date as it is; undefined for
 * anything else (a date the reader cannot be sure of is not stated).
 */
export function isoDateOf(stated: string): string | undefined {
  const text = stated.trim().replace(/\.$/, "");
  if (isIsoDate(text)) return text;
  const words = text.toLowerCase().replace(/,/g, " ").split(/\s+/);
  const month = words.findIndex((w) => MONTHS.includes(w));
  if (month < 0) return undefined;
  const m = MONTHS.indexOf(words[month] as string) + 1;
  const rest = words.filter((_, i) => i !== month);
  const year = rest.find((w) => /^\d{4}$/.test(w));
  const day = rest.find((w) => /^\d{1,2}$/.test(w));
  if (!year || rest.length !== (day ? 2 : 1)) return undefined;
  if (!day) return `${year}-${pad(m)}`;
  return isDay(Number(year), m, Number(day)) ? `${year}-${pad(m)}-${pad(Number(day))}` : undefined;
}
