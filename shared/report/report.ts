import * as z from 'zod/mini';
import { STAFF_ROLES } from '../complaint/categories';
import { ENQUIRY_KINDS } from '../enquiry/enquiry';
import { FOLLOW_UP_KINDS } from '../followup/schedule';
import { FOLLOW_UP_STATES } from '../followup/followup';
import { REPAIR_CATEGORIES } from '../repair/categories';
import { SURVEY_STAGES } from '../survey/catalogue';

/** The follow-up rate every week must reach (001 §三: 90% of projects under construction). */
export const FOLLOW_UP_RATE_TARGET = 0.9;
/** Every project gets at least this many follow-ups (001 §三: two during construction, one after). */
export const MIN_FOLLOW_UPS = 3;

const periodSchema = z.object({ from: z.string(), to: z.string() });

export const weeklyRowSchema = z.object({
  followUpId: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  kind: z.enum(FOLLOW_UP_KINDS),
  label: z.string(),
  dueDate: z.string(),
  state: z.enum(FOLLOW_UP_STATES),
  stateLabel: z.string(),
  /** the homeowner was reached: a message delivered, or a call that got through */
  made: z.boolean(),
  answered: z.boolean(),
  score: z.nullable(z.number()),
});
export type WeeklyRow = z.infer<typeof weeklyRowSchema>;

export const weeklyFiguresSchema = z.object({
  /** follow-ups due this week of projects not completed by its end */
  underConstruction: z.array(weeklyRowSchema),
  /** follow-ups due this week of completed projects (completion and warranty visits) */
  completed: z.array(weeklyRowSchema),
  summary: z.object({
    due: z.number(),
    made: z.number(),
    answered: z.number(),
    /** made ÷ due; null when nothing was due */
    rate: z.nullable(z.number()),
    target: z.number(),
    meetsTarget: z.nullable(z.boolean()),
    /** projects under construction, or completed this week, with fewer than three follow-ups made so far */
    belowThree: z.array(z.object({ projectId: z.string(), projectName: z.string(), made: z.number() })),
  }),
  completedThisWeek: z.array(z.object({ projectId: z.string(), projectName: z.string(), completed: z.string(), siteManagerName: z.string() })),
});
export type WeeklyFigures = z.infer<typeof weeklyFiguresSchema>;

const average = z.nullable(z.number());

export const monthlyFiguresSchema = z.object({
  previous: periodSchema,
  /** complaints about each designer, inspector and project manager ÷ their projects */
  complaintRatios: z.array(z.object({ staffId: z.string(), name: z.string(), role: z.enum(STAFF_ROLES), roleLabel: z.string(), projects: z.number(), complaints: z.number(), ratio: z.number() })),
  /** repair deadlines missed in the period, per site manager and category */
  repairBreaches: z.array(z.object({ siteManagerId: z.string(), name: z.string(), category: z.enum(REPAIR_CATEGORIES), categoryLabel: z.string(), breaches: z.number(), tickets: z.number() })),
  complaints: z.object({
    received: z.number(),
    closed: z.number(),
    unresolved: z.number(),
    /** hours from receiving to closing, of those closed in the period */
    averageHandlingHours: average,
    /** the homeowners' overall score in the after-complaint follow-ups answered in the period */
    handlingSatisfaction: average,
    handlingAnswers: z.number(),
  }),
  satisfactionByStage: z.array(z.object({ stage: z.enum(SURVEY_STAGES), label: z.string(), average, answers: z.number(), previousAverage: average })),
  /** the overall score of answers on the projects each staff member is named on */
  satisfactionByStaff: z.array(z.object({ staffId: z.string(), name: z.string(), role: z.enum(STAFF_ROLES), roleLabel: z.string(), average, answers: z.number(), previousAverage: average })),
  overall: z.object({ average, answers: z.number(), previousAverage: average }),
  /**
   * the service desk's register (DOMAIN §11): requests received in the period, by kind, and how they were
   * answered as the report was built; null on reports built before the desk registered requests
   */
  desk: z._default(
    z.nullable(
      z.object({
        received: z.number(),
        byKind: z.array(z.object({ kind: z.enum(ENQUIRY_KINDS), label: z.string(), count: z.number() })),
        answeredInTime: z.number(),
        answeredLate: z.number(),
        open: z.number(),
      }),
    ),
    null,
  ),
});
export type MonthlyFigures = z.infer<typeof monthlyFiguresSchema>;

export const REPORT_KINDS = ['weekly', 'monthly'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

const reportBase = {
  _id: z.string(),
  label: z.string(),
  period: periodSchema,
  /** when it was due, and the data as of when it was built */
  dueAt: z.number(),
  builtAt: z.number(),
  /** the CSV export in file storage (cloud:// in CloudBase, local:// locally) */
  csvFileId: z.string(),
};

/** A report as stored in `reports` (`weekly-<monday>`, `monthly-<YYYY-MM>`), built once by the report timer. */
export const reportSchema = z.discriminatedUnion('kind', [
  z.object({ ...reportBase, kind: z.literal('weekly'), figures: weeklyFiguresSchema }),
  z.object({ ...reportBase, kind: z.literal('monthly'), month: z.string(), figures: monthlyFiguresSchema }),
]);
export type Report = z.infer<typeof reportSchema>;
export type WeeklyReport = Extract<Report, { kind: 'weekly' }>;
export type MonthlyReport = Extract<Report, { kind: 'monthly' }>;
