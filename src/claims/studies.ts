/**
 * Studies: each bullet of a protocol section ("Summary of Key Experimental Protocols")
 * becomes a Study with structured qualifiers read from its text: design, species,
 * strain, sex, cell lines, models, arms (`study-arms.ts`), the study's total n
 * (`study-size.ts`), how long treatment lasted and, apart from it, how long subjects were
 * followed up, time points and measures. A pooling study's design is its own, not that of
 * the trials it pools (`study-design.ts`). Each bullet is also a protocol claim, so its
 * citation markers are carried.
 */

import { slugify } from "../base/slug.ts";
import type { ListItem } from "../document/types.ts";
import { type ExtractContext, makeClaim } from "./context.ts";
import { isProtocolSection } from "./prose.ts";
import { firstArmAt, readArms } from "./study-arms.ts";
import { designOf } from "./study-design.ts";
import { totalSizeOf, WORD_COUNT } from "./study-size.ts";
import { entityTerm, predicateTerm } from "./terms.ts";
import type { Claim, Study } from "./types.ts";

const STRAINS =
  /\b(BALB\/c|Balb\/c|C57BL\/6J?|C57BL\/6N|Wistar|Sprague[- ]Dawley|Long[- ]Evans|CD-1|Swiss Webster)\b/g;
const CELL_LINES = /\b(HEK[- ]?293T?|MEF|CHO(?:-K1)?|HeLa|SH-SY5Y|PC12|COS-7)\b(?: cells)?/g;
/** "8 weeks", "6-month", "2–4 weeks", "six weeks", "eight to twelve weeks". */
const PERIOD = String.raw`(?:\d+(?:\s*(?:-|–|to)\s*\d+)?|${WORD_COUNT}(?:\s+to\s+${WORD_COUNT})?)(?:\s+|-)(?:days?|weeks?|months?|years?)`;
/** A period as an adjective of the trial: "an 8-week, randomised, double-blind trial". */
const PERIOD_ADJECTIVE = String.raw`\d+(?:\s*(?:-|–|to)\s*\d+)?-(?:day|week|month|year)`;
/**
 * How long treatment lasted when the bullet says so outright — "treatment lasted eight to
 * twelve weeks", "trials lasted from 5 to 16 weeks", "for 8 weeks in total" — before any
 * other period it names ("titrated … over 14 days").
 */
const STATED_DURATION = new RegExp(
  String.raw`\b(?:lasted|lasting)\s+(?:from\s+)?(${PERIOD})\b|\b(?:for|over)\s+(?:up to\s+)?(${PERIOD})\s+in total\b`,
  "i",
);
const DURATION = new RegExp(
  String.raw`\b(?:for|over|lasted|lasting)\s+(?:up to\s+)?(${PERIOD})\b|\b(${PERIOD})\s+of\b|\b(${PERIOD})\s+(?:treatment|trial|study)\b|\b(${PERIOD_ADJECTIVE})(?!,?\s+(?:washout|wash-out|lead-in|run-in|follow))(?:,?\s+[\w-]+){0,4}?,?\s+(?:trial|study|treatment|extension)\b`,
  "gi",
);
/**
 * A period the subjects were followed for after treatment, not how long treatment lasted:
 * "followed up for 12 weeks", "a follow-up visit at 6 months", "follow-up visits up to 6
 * months after", "a 6-month follow-up", "a 30-day safety follow-up".
 */
const FOLLOW_UP = new RegExp(
  String.raw`\b(?:follow(?:ed)?(?:[- ]up)?|observed)(?:\s+(?:visits?|assessments?|period|phase|interviews?|contacts?))?\s+(?:for|of|over|at|after|until|up to|lasting)\s+(${PERIOD})|\b(${PERIOD})\s+(?:of\s+|(?!(?:and|or|with|then|before|after|plus)\b)[\w-]+\s+)?follow[- ]up\b`,
  "i",
);
const TIME_START = /\b(?:at|on)\s+(?=baseline|(?:days?|weeks?|months?)\s+\d)/i;
const TIME_POINT =
  /baseline|(?:days?|weeks?|months?)\s+\d+(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)\d+)*|\d+\s*(?:days?|weeks?|months?)/gi;

/**
 * Arms are found for the lexicon's drugs, for those the document itself names
 * (`ctx.documentEntities`) and for those minted from the bullet; the bullet's claim mentions
 * the last, so the audit finds where each was minted.
 */
export function studies(ctx: ExtractContext): { studies: Study[]; claims: Claim[] } {
  const out: Study[] = [];
  const claims: Claim[] = [];
  const named = new Set((ctx.documentEntities ?? []).map((t) => t.id));
  for (const item of ctx.document.items) {
    if (!isProtocolSection(item.section?.title)) continue;
    const study = readStudy(ctx, item);
    out.push(study);
    const minted = study.arms
      .flatMap((a) => (a.intervention ? [a.intervention] : []))
      .filter((t) => t.unnormalised && !named.has(t.id));
    claims.push(
      makeClaim(ctx, {
        kind: "protocol",
        subject: { kind: "study", id: study.id, label: study.label },
        predicate: predicateTerm(ctx.lexicon, "protocol"),
        object: { kind: "literal", value: item.body.text },
        segment: item,
        quote: item.span,
        text: item.display.text,
        mentions: [...new Map(minted.map((t) => [t.id, t])).values()],
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
  const followUp = FOLLOW_UP.exec(text);
  return {
    id: `${ctx.document.id}.${slugify(label, 48)}`,
    documentId: ctx.document.id,
    label,
    quote: item.span,
    text: item.display.text,
    citations: unique(item.citations.map((c) => c.number)).sort((a, b) => a - b),
    // The bold title names a design too: "GSK-3β Inhibition *In Vivo*".
    design: designOf(lexicon, item.title ? `${item.title}: ${text}` : text),
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
    arms: readArms(ctx, text, routes),
    duration: periodWords(durationOf(text, followUp)),
    followUp: periodWords(followUp?.[1] ?? followUp?.[2]),
    totalSampleSize: totalSizeOf(text, firstArmAt(ctx, text)),
    timePoints: unique([...timeText.matchAll(TIME_POINT)].flatMap((m) => expandTimePoint(m[0]))),
    measures: values("measure"),
    supports: [],
  };
}

/**
 * How long treatment lasted: a period the bullet states outright, else the first period it
 * names outside the follow-up.
 */
function durationOf(text: string, followUp: RegExpExecArray | null): string | undefined {
  const stated = STATED_DURATION.exec(text);
  if (stated) return stated[1] ?? stated[2];
  const m = [...text.matchAll(DURATION)].find(
    (d) => !followUp || d.index < followUp.index || d.index >= followUp.index + followUp[0].length,
  );
  return m?.[1] ?? m?.[2] ?? m?.[3] ?? m?.[4];
}

/** A period in words: "6-month" (an adjective) is "6 months", "1-week" is "1 week". */
function periodWords(period: string | undefined): string | undefined {
  const m = period === undefined ? null : /^(.*\d)-(day|week|month|year)s?$/i.exec(period);
  if (!m) return period;
  return `${m[1]} ${(m[2] as string).toLowerCase()}${m[1] === "1" ? "" : "s"}`;
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
