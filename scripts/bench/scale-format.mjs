// How the scale report writes numbers and tables (scale-report.mjs, scale-details.mjs). A
// missing figure (null, NaN: its step failed) is written "—", never "0".
const missing = (v) => v === null || v === undefined || Number.isNaN(v);

export const s = (ms) => (missing(ms) ? "—" : `${(ms / 1e3).toFixed(2)} s`);
export const ms1 = (ms) => (missing(ms) ? "—" : ms.toFixed(ms < 10 ? 2 : ms < 100 ? 1 : 0));
export const us = (v) =>
  missing(v) ? "—" : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0);
export const x = (r) => (missing(r) ? "—" : `${r.toFixed(2)}×`);
export const mib = (b) => (missing(b) ? "—" : `${(b / 2 ** 20).toFixed(0)} MiB`);
export const mb = (b) => (missing(b) ? "—" : `${(b / 1e6).toFixed(1)} MB`);
export const n = (v) => (missing(v) ? "—" : v.toLocaleString("en-US"));

export const table = (header, rows, align) =>
  [
    `| ${header.join(" | ")} |`,
    `| ${header.map((_, i) => (align[i] === "r" ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

export const target = ({ goal, limit }, unit = "×") =>
  [
    goal !== null ? `goal ≤ ${goal}${unit}` : null,
    limit !== null ? `limit ≤ ${limit}${unit}` : null,
  ]
    .filter(Boolean)
    .join(", ");

/** A table cell's text: no pipes or line breaks, so a failure's message cannot break the row. */
export const cell = (text) => String(text).replaceAll("|", "\\|").replaceAll("\n", " ");

/** The row of a figure a step failed to measure: its label, why, its target, FAIL. */
export const failedRow = (label, why, targetText = "") => [
  label,
  `**failed**: ${cell(why)}`,
  "",
  "",
  targetText,
  "FAIL",
];

/**
 * The overview's screenshot, under tests/artifacts/ (ignored by git): the 1,000-document one is
 * tracked, and another size writes its own file instead of replacing it.
 */
export const overviewShot = (documents) => `graph-overview-${documents}.png`;
