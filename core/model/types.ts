/**
 * The partnership as the product understands it. Every host (the Excel
 * add-in, the command line, the document builder) speaks this vocabulary.
 *
 * Dates are ISO calendar dates ("2026-04-01") so the model is plain data that
 * serialises, compares and diffs without time zones getting in the way.
 */
import type {
  AssessmentAction,
  AssessmentRound,
  AssessmentScoreRecord,
} from "./assessment-cycle.js";
import type { BodyType, DelegatedFunction, PartyChoice } from "./legal.js";

export const ARRANGEMENT_TYPES = [
  "Informal",
  "Advisory",
  "Formal agreement with pooled fund",
  "Formal agreement without pooled fund",
] as const;
export type ArrangementType = (typeof ARRANGEMENT_TYPES)[number];

export const SECTORS = [
  "NHS",
  "Local authority",
  "Housing",
  "Voluntary sector",
  "Independent sector",
  "Service users and carers",
  "Other",
] as const;
export type Sector = (typeof SECTORS)[number];

export const PRIORITIES = ["High", "Medium", "Low"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const INDICATOR_TYPES = ["Input", "Output", "Outcome"] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

export const POLARITIES = ["Higher is better", "Lower is better", "Closer to target"] as const;
export type Polarity = (typeof POLARITIES)[number];

export const FREQUENCIES = ["Monthly", "Quarterly", "Six-monthly", "Annual"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const RAG_STATUSES = ["Green", "Amber", "Red", "No data"] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];

/** Blank ("") when there are fewer than two values to compare. */
export type Direction = "Improving" | "Worsening" | "No change" | "";

/** An ISO calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

/** The rows of the `Partnership` table (Field / Value / Notes). */
export interface PartnershipDetails {
  name: string;
  arrangement: ArrangementType | null;
  serviceArea: string;
  vision: string;
  hostPartner: string;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  reviewDate: IsoDate | null;
  governingBody: string;
  chair: string;
  viceChair: string;
  /** Members needed for a quorate meeting. */
  quorum: number | null;
  meetingFrequency: string;
  decisionRule: string;
  reportingLine: string;
  pooledFundManager: string;
  /** Months of written notice a partner must give to withdraw. */
  noticePeriodMonths: number | null;
  documentVersion: string;
  documentStatus: string;
  documentDate: IsoDate | null;
  /** Lead commissioning under regulation 5 of SI 2000/617 (issue 10); absent means no. */
  leadCommissioning?: boolean;
  /** Short name of the lead commissioner, when there is lead commissioning. */
  leadCommissioner?: string;
  /** Integrated provision under regulation 6 of SI 2000/617 (issue 10); absent means no. */
  integratedProvision?: boolean;
  /** When contributions are paid ("quarterly in advance…"). */
  paymentTerms?: string;
  /** The information-sharing agreement the partners work to, by name and date. */
  informationSharingAgreement?: string;
  /** The data protection impact assessment for the arrangements, by name and date. */
  dataProtectionImpactAssessment?: string;
  /** Why the contributions and the service-line budgets differ, for the finance schedule. */
  unallocatedContributions?: string;
  /** The date the agreement was signed; until then "THIS AGREEMENT is dated" stays blank. */
  agreementDate?: IsoDate | null;
}

export interface Partner {
  organisation: string;
  shortName: string;
  sector: Sector | null;
  representative: string;
  role: string;
  votingMember: boolean;
  addressForNotices: string;
  signatoryName: string;
  signatoryTitle: string;
  /** Cash contribution to the pooled fund in pounds; null when none is recorded. */
  contribution: number | null;
  inKindContribution: string;
  /** The legal entity the partner belongs to (a council, not its department); organisation when blank. */
  legalBody?: string;
  /** What kind of body the legal body is: decides whether it may be a party (issue 10). */
  bodyType?: BodyType | null;
  /** "Yes"/"No" overrides whether the body is a party to the agreement; blank follows its type. */
  agreementParty?: PartyChoice | null;
  /** The authority under which the signatory signs (a delegation, a resolution). */
  signatoryAuthority?: string;
  /** True when the body executes the agreement under its common seal. */
  seals?: boolean;
}

export interface PartnershipValue {
  value: string;
  meaning: string;
}

export interface SmartChecks {
  specific: boolean;
  measurable: boolean;
  achievable: boolean;
  realistic: boolean;
  timeBound: boolean;
}

export interface Objective {
  id: string;
  objective: string;
  priority: Priority | null;
  /** Short name of the lead partner. */
  leadPartner: string;
  quickWin: boolean;
  dueDate: IsoDate | null;
  smart: SmartChecks;
}

export interface Indicator {
  id: string;
  objectiveId: string;
  indicator: string;
  type: IndicatorType | null;
  unit: string;
  polarity: Polarity | null;
  frequency: Frequency | null;
  baseline: number | null;
  target: number | null;
  /** When the target is to be met; the plan's end when null or absent (issue 9). */
  targetDate?: IsoDate | null;
  /** A fraction of the target: 0.1 means 10%. */
  tolerance: number | null;
  /** SPC limits fixed from this many values (at least 12); all the values when null or absent (issue 9). */
  spcBaselinePoints?: number | null;
  /** SPC limits recalculated from this period on (a period label); none when null or absent (issue 9). */
  spcRebaseAt?: string | null;
  owner: string;
  source: string;
  /** One entry per reporting period, aligned with `Partnership.periods`. */
  values: (number | null)[];
  /** The owner's explanation of the latest figure. */
  commentary: string;
  /** What will be done to recover; expected whenever the indicator is Red. */
  correctiveAction: string;
}

/** One row of the optional Targets table: the value expected of an indicator in one period. */
export interface PeriodTarget {
  indicatorId: string;
  /** A period label, one of `Partnership.periods`. */
  period: string;
  target: number;
}

export interface FinanceLine {
  serviceLine: string;
  leadPartner: string;
  budget: number | null;
  actual: number | null;
  /** Expected spend for the whole year; variance sets it against the budget (issue 9). */
  forecast?: number | null;
  outputMeasure: string;
  outputs: number | null;
  /** What one output should cost, by plan or benchmark: economy's yardstick (issue 9). */
  benchmarkUnitCost?: number | null;
  outcomeMeasure: string;
  outcomeTarget: number | null;
  outcomesAchieved: number | null;
}

/** One row of a scored assessment grid. */
export interface AssessmentItem {
  section: string;
  statement: string;
  /** Score per partner short name; null where the partner has not scored. */
  scores: Record<string, number | null>;
}

/** One row of a register-style instrument (benefits, risks, ledger). */
export type RegisterEntry = Record<string, string | number | boolean | null>;

export interface Assessment {
  instrumentId: string;
  items: AssessmentItem[];
  entries: RegisterEntry[];
}

export interface Partnership {
  details: PartnershipDetails;
  partners: Partner[];
  values: PartnershipValue[];
  objectives: Objective[];
  /** Reporting period labels, the headers of the Indicators period columns. */
  periods: string[];
  indicators: Indicator[];
  /** The optional Targets table: expected values by period (trajectories, issue 9); absent when none. */
  targets?: PeriodTarget[];
  finance: FinanceLine[];
  assessments: Assessment[];
  /** The functions the arrangements cover (issue 10); absent when the workbook has no Functions table. */
  functions?: DelegatedFunction[];
  /** Every score collected in closed or current rounds (issue 8); absent when none. */
  assessmentHistory?: AssessmentScoreRecord[];
  /** Every assessment round, open or closed (issue 8); absent when none. */
  assessmentRounds?: AssessmentRound[];
  /** The current assessment round's name; absent or "" when no round is open. */
  currentRound?: string;
  /** The assessment action plan; absent when the workbook has no Actions table. */
  assessmentActions?: AssessmentAction[];
}
