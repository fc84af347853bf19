/**
 * Studies: each bullet of a protocol section ("Summary of Key Experimental Protocols")
 * becomes a Study with structured qualifiers read from its text: design, species,
 * strain, sex, cell lines, models, arms (intervention, n, dose with unit, route),
 * duration, time points and measures. Each bullet is also a protocol claim, so its
 * citation markers are carried.
 */
import type { ListItem } from "../document/types.ts";
import { slugify } from "../slug.ts";
import { type ExtractContext, makeClaim } from "./context.ts";
import { isProtocolSection } from "./prose.ts";
import { entityTerm, findMentions, predicateTerm } from "./terms.ts";
import type { Claim, Study, StudyArm } from "./types.ts";

const STRAINS =
  /\b(BALB\/c|Balb\/c|C57BL\/6J?|C57BL\/6N|Wistar|Sprague[- ]Dawley|Long[- ]Evans|CD-1|Swiss Webster)\b/g;
const CELL_LINES = /\b(HEK[- ]?293T?|MEF|CHO(?:-K1)?|HeLa|SH-SY5Y|PC12|COS-7)\b(?: cells)?/g;
const SAMPLE = /\bn\s*=\s*(\d{1,6})(\s+per\s+(?:arm|group))?/i;
const DOSE = /(~|≈|about\s+)?(\d+(?:\.\d+)?)\s*(mg\/kg\/day|mg\/kg|mg\/day|µg\/kg|ug\/kg|mg|µg)\b/;
const DURATION =
  /\bfor\s+((?:\d+(?:\s*(?:-|–|to)\s*\d+)?)\s+(?:days?|weeks?|months?))\b|\b(\d+\s+(?:days?|weeks?|months?))\s+of\b/i;
const TIME_START = /\b(?:at|on)\s+(?=baseline|(?:days?|weeks?|months?)\s+\d)/i;
const TIME_POINT =
  /baseline|(?:days?|weeks?|months?)\s+\d+(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)\d+)*|\d+\s*(?:days?|weeks?|months?)/gi;
const SCHEDULE = /\b(once daily|twice daily|daily|chronically|acutely|once a week|weekly)\b/i;

/** Arms are found for the lexicon's drugs and for those the document itself names (`ctx.documentEntities`). */
export function studies(ctx: ExtractContext): { studies: Study[]; claims: Claim[] } {
  const out: Study[] = [];
  const claims: Claim[] = [];
  for (const item of ctx.document.items) {
    if (!isProtocolSection(item.section?.title)) continue;
    const study = readStudy(ctx, item);
    out.push(study);
    claims.push(
      makeClaim(ctx, {
        kind: "protocol",
        subject: { kind: "study", id: study.id, label: study.label },
        predicate: predicateTerm(ctx.lexicon, "protocol"),
        object: { kind: "literal", value: item.body.text },
        segment: item,
        quote: item.span,
        text: item.display.text,
      }),
    );
  }
  return { studies: out, claims };
}

function readStudy(ctx: ExtractContext, item: ListItem): Study {
  const { lexicon } = ctx;
  const text = item.body.text;
  const label = item.title ?? text.split(/[.:]/)[0]?.slice(0, 60) ?? "study";
  const mentions = lexicon.mentions(text);
  const values = (kind: Parameters<typeof lexicon.matchCues>[0]) =>
    unique(lexicon.matchCues(kind, text).map((c) => c.value));
  const routes = values("route");
  const timeAt = TIME_START.exec(text);
  const timeText = timeAt ? (text.slice(timeAt.index).split(/[.;]/)[0] ?? "") : "";
  const duration = DURATION.exec(text);
  return {
    id: `${ctx.document.id}.${slugify(label, 48)}`,
    documentId: ctx.document.id,
    label,
    quote: item.span,
    text: item.display.text,
    citations: unique(item.citations.map((c) => c.number)).sort((a, b) => a - b),
    design: values("design"),
    species: values("species"),
    strain: unique([...text.matchAll(STRAINS)].map((m) => m[1] as string)),
    sex: values("sex"),
    cellLines: unique(
      [...text.matchAll(CELL_LINES)].map((m) =>
        (m[1] as string).replace(/^HEK[- ]?293/, "HEK 293"),
      ),
    ),
    models: unique(
      mentions.filter((m) => m.entity.type === "Condition").map((m) => m.entity.id),
    ).map((id) => entityTerm(lexicon.entity(id) as NonNullable<ReturnType<typeof lexicon.entity>>)),
    arms: arms(ctx, text, routes),
    duration: duration ? (duration[1] ?? duration[2]) : undefined,
    timePoints: unique([...timeText.matchAll(TIME_POINT)].flatMap((m) => expandTimePoint(m[0]))),
    measures: values("measure"),
    supports: [],
  };
}

/** One arm per drug the text names, with the n, dose and route written after it. */
function arms(ctx: ExtractContext, text: string, routes: readonly string[]): StudyArm[] {
  const drugs = findMentions(ctx.lexicon, text, ctx.documentEntities).filter(
    (m) => m.term.type === "Drug",
  );
  const perArm = SAMPLE.exec(text);
  const shared = perArm?.[2] ? Number(perArm[1]) : undefined;
  const out: StudyArm[] = [];
  const seen = new Set<string>();
  drugs.forEach((m, k) => {
    if (seen.has(m.term.id)) return;
    seen.add(m.term.id);
    const next = drugs[k + 1];
    const window = text.slice(m.end, next ? next.start : undefined).split(/(?<=\.)\s/)[0] ?? "";
    const n = SAMPLE.exec(window);
    const dose = DOSE.exec(window);
    const route =
      ctx.lexicon.matchCues("route", window)[0]?.value ??
      (routes.length === 1 ? routes[0] : undefined);
    out.push({
      label: m.term.label,
      intervention: m.term,
      sampleSize: n && !n[2] ? Number(n[1]) : shared,
      dose: dose?.[2],
      doseUnit: dose?.[3],
      route,
      schedule:
        SCHEDULE.exec(window)?.[1]?.toLowerCase() ?? SCHEDULE.exec(text)?.[1]?.toLowerCase(),
    });
  });
  const vehicle = /\b(saline vehicle|vehicle|placebo)\b(\s*\(n\s*=\s*(\d+)\))?/i.exec(text);
  if (vehicle) {
    out.push({
      label: (vehicle[1] as string).toLowerCase(),
      intervention: undefined,
      sampleSize: vehicle[3] ? Number(vehicle[3]) : shared,
      dose: undefined,
      doseUnit: undefined,
      route: routes.length === 1 ? routes[0] : undefined,
      schedule: undefined,
    });
  }
  return out;
}

/** "weeks 2, 4 and 8" → ["week 2", "week 4", "week 8"]; "3 weeks" stays. */
function expandTimePoint(text: string): string[] {
  const m = /^(days?|weeks?|months?)\s+(.*)$/i.exec(text);
  if (!m) return [text.toLowerCase()];
  const unit = (m[1] as string).toLowerCase().replace(/s$/, "");
  return [...(m[2] as string).matchAll(/\d+/g)].map((n) => `${unit} ${n[0]}`);
}

function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}
