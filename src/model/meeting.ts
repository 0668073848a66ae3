import * as z from 'zod/mini';
import { dateSchema, longText, roleSchema, shortText, timeSchema } from './common';
import { defineKind } from './kind';

export const MEETING_MODES = ['in-person', 'video', 'phone', 'other'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ACTIVITIES = [
  'setting-goals',
  'reading-discussion',
  'technology-trade',
  'addressing-a-challenge',
  'job-shadowing',
  'observation',
  'other',
] as const;
export type Activity = (typeof ACTIVITIES)[number];

/** A meeting of the pair: planned ahead, then held. Its agenda and action items are records of their own. */
export const MeetingKind = defineKind('meeting', {
  content: {
    /** Local calendar date and time of day: a meeting is where the pair is, not an instant in UTC. */
    date: dateSchema,
    time: timeSchema,
    durationMinutes: z.number().check(z.int(), z.minimum(0), z.maximum(24 * 60)),
    mode: z.enum(MEETING_MODES),
    place: shortText,
    status: z.enum(MEETING_STATUSES),
    sharedNotes: longText,
    activities: z.array(z.enum(ACTIVITIES)),
    /** Topics the pair plans for the next two meetings. */
    nextTopics: longText,
    /** What changed in the meeting, written by meeting mode at its end. */
    summary: longText,
    /** The discussion of a reading: the opportunity record it points at. */
    opportunityId: z.string(),
  },
  longText: ['sharedNotes', 'nextTopics', 'summary'],
});
export type Meeting = z.infer<typeof MeetingKind.schema>;

/** A point on a meeting's agenda, with who raised it. */
export const AgendaItemKind = defineKind('agendaItem', {
  content: {
    meetingId: z.string(),
    text: shortText,
    raisedBy: roleSchema,
    discussed: z.boolean(),
    /** The item this one continues, when it was carried forward from an earlier meeting. */
    carriedFromId: z.string(),
    order: z.number(),
  },
});
export type AgendaItem = z.infer<typeof AgendaItemKind.schema>;

/** Something one person agreed to do, with an owner and a due date. */
export const ActionItemKind = defineKind('actionItem', {
  content: {
    meetingId: z.string(),
    text: shortText,
    owner: roleSchema,
    dueDate: dateSchema,
    done: z.boolean(),
    doneDate: dateSchema,
    carriedFromId: z.string(),
    order: z.number(),
  },
});
export type ActionItem = z.infer<typeof ActionItemKind.schema>;
