/**
 * The example's assessments: every grid scored by every partner, and the
 * registers filled in. Scores are pseudo-random but deterministic and
 * plausible: statutory partners rate the partnership a little higher than the
 * voluntary sector, providers and carers do, each grid has a statement the
 * partners disagree on and a weak one to act on.
 */
import type { GridInstrument, Instrument, RegisterInstrument } from "../instruments/types.js";
import type { Assessment, AssessmentItem, Partner, RegisterEntry, Sector } from "../model/types.js";
import { hashText, seededRandom } from "../model/random.js";
import { REGISTER_ENTRIES, REGISTER_ROW_DETAILS } from "./registers.js";

/** How generously each sector tends to score, in score points on a 1–4 scale. */
const SECTOR_OUTLOOK: Record<Sector, number> = {
  NHS: 0.3,
  "Local authority": 0.4,
  Housing: 0,
  "Voluntary sector": -0.2,
  "Independent sector": -0.4,
  "Service users and carers": -0.5,
  Other: 0,
};

/**
 * For the shipped grids, which statement partners disagree on and which is
 * weak (matched by a piece of its text), so the story reads true; other grids
 * get statements picked by position.
 */
const STORY: Record<string, { disputed: string; weak: string; level?: number }> = {
  kotter_vision: { disputed: "Realistic and attainable", weak: "under five minutes", level: 0.8 },
  audit_commission: { disputed: "Trust between partners", weak: "mainstreaming" },
  eight_is: { disputed: "share information", weak: "invest long term" },
  // Two years in: most partners see the partnership as "becoming real partners".
  relationship_stages: { disputed: "leading the partnership", weak: "on the ground", level: 0.42 },
  performance_management: {
    disputed: "quality standards",
    weak: "targets are set for all staff",
    level: 0.75,
  },
  idea: { disputed: "open and transparent", weak: "do not attend or leave" },
  nuffield: { disputed: "open with each other", weak: "burdens are shared fairly" },
};

function gridItems(instrument: GridInstrument, partners: readonly Partner[]): AssessmentItem[] {
  const { min, max } = instrument.scale;
  const range = max - min;
  const random = seededRandom(hashText(instrument.id));
  const statements = instrument.sections.flatMap((section) =>
    section.statements.map((statement) => ({ section: section.name, statement: statement.text })),
  );
  const story = STORY[instrument.id];
  const find = (part: string | undefined, fallback: number): number => {
    const found = part ? statements.findIndex((s) => s.statement.includes(part)) : -1;
    return found >= 0 ? found : fallback;
  };
  const disputed = find(story?.disputed, Math.floor(statements.length / 3));
  const weak = find(story?.weak, Math.floor((2 * statements.length) / 3));
  const level = story?.level ?? 0.7;
  const outlook = (partner: Partner): number =>
    (SECTOR_OUTLOOK[partner.sector ?? "Other"] * range) / 4;
  const clamp = (score: number): number => Math.min(max, Math.max(min, Math.round(score)));

  return statements.map((item, index) => {
    const scores: Record<string, number | null> = {};
    const base = min + range * (level - 0.12 + 0.24 * random());
    // The disputed statement: statutory partners score it high, the rest low.
    const high = Math.min(
      max,
      Math.max(
        min + instrument.disagreementSpread,
        Math.round(base + instrument.disagreementSpread / 2),
      ),
    );
    const low = high - instrument.disagreementSpread;
    // Weak: most partners give the lowest score, at most a third one more.
    let lifted = 0;
    partners.forEach((partner, p) => {
      let score: number;
      if (index === disputed && index === weak) {
        // A grid of one statement: weak, with one partner seeing it very differently.
        score = p === partners.length - 1 ? min + instrument.disagreementSpread : min;
      } else if (index === disputed) {
        score = outlook(partner) < 0 ? low : high;
      } else if (index === weak) {
        const lift = lifted < Math.floor(partners.length / 3) && random() < 0.4;
        if (lift) lifted++;
        score = lift ? min + 1 : min;
      } else {
        score = base + outlook(partner) + (random() - 0.5) * range * 0.3;
      }
      scores[partner.shortName] = clamp(score);
    });
    return { ...item, scores };
  });
}

/** The register's starting rows, completed, plus the example's own entries. */
function registerEntries(instrument: RegisterInstrument): RegisterEntry[] {
  const inputs = instrument.columns.filter((c) => c.type !== "formula").map((c) => c.header);
  const keyColumn = inputs[0] ?? "";
  const details = REGISTER_ROW_DETAILS[instrument.id] ?? {};
  const shape = (values: RegisterEntry): RegisterEntry =>
    Object.fromEntries(inputs.map((header) => [header, values[header] ?? null]));
  const completed = instrument.rows.map((row) => {
    const extra = details[String(row[keyColumn] ?? "")] ?? {};
    // The instrument's own text wins; the example only fills what is blank.
    const merged: RegisterEntry = { ...extra };
    for (const [header, value] of Object.entries(row)) if (value !== null) merged[header] = value;
    return shape(merged);
  });
  const own = (REGISTER_ENTRIES[instrument.id] ?? []).map(shape);
  return [...completed, ...own];
}

export function exampleAssessments(
  instruments: readonly Instrument[],
  partners: readonly Partner[],
): Assessment[] {
  return instruments.map((instrument) =>
    instrument.kind === "grid"
      ? { instrumentId: instrument.id, items: gridItems(instrument, partners), entries: [] }
      : { instrumentId: instrument.id, items: [], entries: registerEntries(instrument) },
  );
}
