/**
 * The committee summary file, as a zod schema: the types the app builds it with are inferred from
 * it, and its published JSON Schema (docs/committee-summary.schema.json, served at
 * /schemas/committee-summary.schema.json) is generated from it, so the three cannot drift apart.
 */
import * as z from 'zod/mini';
import { dateSchema, dateTimeSchema, roleSchema } from '../model/common';
import { GOAL_STATUSES } from '../model/goal';
import { MEETING_MODES } from '../model/meeting';
import { MILESTONE_STATUSES } from '../model/milestone';
import { OPPORTUNITY_TYPES } from '../model/opportunity';

export const SUMMARY_FORMAT = 'mentoring-journal-committee-summary';
/** 2: `$schema`, `formatVersion` (was `version`), `journalId`, `generatedAt`. */
export const SUMMARY_VERSION = 2;
/** The schema's `$id`, a URN (the app has no host of its own): every summary names it in `$schema`. */
export const SUMMARY_SCHEMA_ID = `urn:mentoring-journal:committee-summary:${SUMMARY_VERSION}`;

const text = z.string();
/** A schema with a description for the published JSON Schema (a new instance: shared ones stay bare). */
const described = <T extends z.ZodMiniType>(schema: T, description: string): T =>
  schema.check(z.describe(description)) as T;

export const summaryJournalSchema = z.object({
  menteeName: text,
  mentorName: text,
  programme: text,
  startDate: z.optional(dateSchema),
  lengthMonths: z.number(),
  endDate: z.optional(described(dateSchema, 'The day the programme ends (start + length).')),
  monthsElapsed: z.optional(
    described(z.number(), 'Whole months elapsed on the day the summary was made (0 to the length).'),
  ),
  percentElapsed: z.optional(described(z.number(), 'Share of the programme elapsed, 0–100.')),
  phase: z.optional(z.enum(['not-started', 'running', 'ended'])),
  closedDate: z.optional(described(dateSchema, 'The day the pair closed the partnership, if they did.')),
  completed: z.optional(
    described(
      z.boolean(),
      'True when the pair completed the partnership (closed the journal on `closedDate`). Absent in older summaries: read `closedDate`.',
    ),
  ),
});

export const summaryReviewsSchema = z.object({
  midPointDoneOn: z.optional(described(dateSchema, 'The day the mid-point review was done by both.')),
  closingDoneOn: z.optional(described(dateSchema, 'The day the closing review was done by both.')),
});

export const summaryAgreementSchema = z.object({
  menteeConfirmedOn: z.optional(dateSchema),
  mentorConfirmedOn: z.optional(dateSchema),
});

export const summaryMeetingSchema = z.object({ date: dateSchema, mode: z.optional(z.enum(MEETING_MODES)) });

export const summaryGapSchema = z.object({
  from: described(dateSchema, 'The meeting (or programme start) the stretch begins at.'),
  to: described(dateSchema, 'The next meeting, or the summary’s day (or programme end) when still open.'),
  days: z.number(),
  open: described(z.boolean(), 'True when no meeting has ended the stretch yet.'),
});

export const summaryMeetingsSchema = z.object({
  heldCount: described(
    z.number(),
    'Meetings marked held (shared ones; never their notes, agenda or actions).',
  ),
  expectedCount: described(
    z.number(),
    'Meetings the agreed cadence asks for from the start to the summary’s day (or the end): one per full cadence.',
  ),
  lastHeldOn: z.optional(described(dateSchema, 'The latest meeting held.')),
  longestGapDays: described(
    z.number(),
    'The longest stretch without a meeting, from the start, between meetings, and up to the summary’s day (or the end).',
  ),
  held: z.array(summaryMeetingSchema),
  cadenceDays: described(z.number(), 'The agreed longest stretch between meetings, in days.'),
  cadenceKept: z.boolean(),
  gapsOverCadence: z.array(summaryGapSchema),
});

export const summaryGoalSchema = z.object({
  id: text,
  title: text,
  status: z.enum(GOAL_STATUSES),
  targetDate: z.optional(dateSchema),
  pastTarget: described(z.boolean(), 'Past its target date and neither achieved nor dropped.'),
  latestPercent: z.optional(described(z.number(), 'The latest progress the pair logged, 0–100.')),
  latestProgressOn: z.optional(dateSchema),
  successCriteria: z.optional(text),
});

export const summaryMilestoneCountsSchema = z.object({
  total: described(
    z.number(),
    'Milestones the pair shares (not private, not dropped), due or done in the period.',
  ),
  done: z.number(),
  onTime: described(z.number(), 'Done on or before the due date.'),
  overdue: described(z.number(), 'Still open and past the due date.'),
  missed: z.number(),
});

export const summaryOpportunitySchema = z.object({
  id: text,
  title: text,
  type: z.optional(z.enum(OPPORTUNITY_TYPES)),
  endDate: z.optional(dateSchema),
  takeaways: z.optional(text),
});

export const summaryReflectionSchema = z.object({
  id: text,
  question: text,
  answer: text,
  answeredOn: z.optional(dateSchema),
});

/** Parts of the summary a pair may leave out before exporting. */
export const SUMMARY_SECTIONS = [
  'goals',
  'milestones',
  'stories',
  'checkIns',
  'opportunities',
  'reflections',
  'notes',
] as const;
export type SummarySection = (typeof SUMMARY_SECTIONS)[number];

export const summaryMilestoneSchema = z.object({
  id: text,
  title: text,
  dueDate: z.optional(dateSchema),
  status: z.enum(MILESTONE_STATUSES),
  doneDate: z.optional(dateSchema),
  goalTitle: z.optional(described(text, 'The goal it serves, only when that goal is in the summary too.')),
});

export const summaryStorySchema = z.object({
  id: text,
  title: text,
  problem: z.optional(text),
  action: z.optional(text),
  result: z.optional(text),
});

export const summaryCheckInSchema = z.object({
  id: text,
  date: z.optional(dateSchema),
  author: roleSchema,
  rating: z.optional(
    described(
      z.number().check(z.int(), z.minimum(1), z.maximum(5)),
      'The author’s answer to “How is the partnership working?”, from 1 (not working) to 5 (working very well).',
    ),
  ),
  answers: z.array(z.object({ question: text, answer: text })),
});

export const summaryNoteSchema = z.object({ id: text, text });

export const committeeSummarySchema = z.object({
  $schema: z.literal(SUMMARY_SCHEMA_ID),
  format: z.literal(SUMMARY_FORMAT),
  formatVersion: z.literal(SUMMARY_VERSION),
  journalId: described(text, 'The journal’s id: two summaries of one pair share it.'),
  generatedOn: described(dateSchema, 'The calendar day the summary was made.'),
  generatedAt: described(
    dateTimeSchema,
    'The moment it was made: of two summaries of one pair, the later wins.',
  ),
  generatedBy: described(roleSchema, 'Who made it.'),
  period: z.optional(
    described(
      z.object({ from: z.optional(dateSchema), to: z.optional(dateSchema) }),
      'The dates the summary covers (meetings, milestones, check-ins); the whole programme when absent.',
    ),
  ),
  leftOut: z.optional(
    described(
      z.array(z.enum(SUMMARY_SECTIONS)),
      'Sections the pair chose to leave out (they are empty here).',
    ),
  ),
  journal: summaryJournalSchema,
  agreement: summaryAgreementSchema,
  reviews: z.optional(
    described(summaryReviewsSchema, 'The programme’s reviews the pair has done (dates only, no answers).'),
  ),
  meetings: summaryMeetingsSchema,
  goals: z.array(summaryGoalSchema),
  milestoneCounts: summaryMilestoneCountsSchema,
  milestones: z.array(summaryMilestoneSchema),
  stories: z.array(summaryStorySchema),
  latestCheckInOn: z.optional(
    described(dateSchema, 'The latest partnership check-in, whoever sees it (the date only).'),
  ),
  checkIns: z.array(summaryCheckInSchema),
  opportunities: z.array(summaryOpportunitySchema),
  reflections: z.array(summaryReflectionSchema),
  notes: z.array(summaryNoteSchema),
});

export type SummaryJournal = z.infer<typeof summaryJournalSchema>;
export type SummaryAgreement = z.infer<typeof summaryAgreementSchema>;
export type SummaryReviews = z.infer<typeof summaryReviewsSchema>;
export type SummaryMeeting = z.infer<typeof summaryMeetingSchema>;
export type SummaryGap = z.infer<typeof summaryGapSchema>;
export type SummaryMeetings = z.infer<typeof summaryMeetingsSchema>;
export type SummaryGoal = z.infer<typeof summaryGoalSchema>;
export type SummaryMilestone = z.infer<typeof summaryMilestoneSchema>;
export type SummaryStory = z.infer<typeof summaryStorySchema>;
export type SummaryCheckIn = z.infer<typeof summaryCheckInSchema>;
export type SummaryNote = z.infer<typeof summaryNoteSchema>;
export type SummaryMilestoneCounts = z.infer<typeof summaryMilestoneCountsSchema>;
export type SummaryOpportunity = z.infer<typeof summaryOpportunitySchema>;
export type SummaryReflection = z.infer<typeof summaryReflectionSchema>;
export type CommitteeSummary = z.infer<typeof committeeSummarySchema>;

/** The published JSON Schema (draft 2020-12) of the summary file, generated from the zod schema. */
export function summaryJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(committeeSummarySchema, { target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return {
    $schema: schema.$schema,
    $id: SUMMARY_SCHEMA_ID,
    title: `Mentoring Journal committee summary, format version ${SUMMARY_VERSION}`,
    description:
      'What a mentoring pair hands to its programme committee. Generated from src/report/summarySchema.ts by src/report/summarySchema.test.ts; do not edit by hand. See docs/file-formats.md.',
    ...schema,
  };
}
