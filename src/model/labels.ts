/**
 * The words shown for domain values, one table per enumeration, used by every screen and by the
 * committee summary alike. Types only are imported, so this stays free of zod for the first load.
 */
import type { GoalStatus } from './goal';
import type { Journal } from './journal';
import type { Activity, MeetingMode, MeetingStatus } from './meeting';
import type { MilestoneStatus } from './milestone';
import type { KindName } from './registry';
import type { StoryContext } from './story';

/** Words shown for each goal status. */
export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  active: 'Active',
  achieved: 'Achieved',
  paused: 'Paused',
  dropped: 'Dropped',
};

/** The goal statuses in the order they are shown. */
export const GOAL_STATUS_ORDER = Object.keys(GOAL_STATUS_LABELS) as GoalStatus[];

/** Words shown for each way of meeting. */
export const MODE_LABELS: Record<MeetingMode, string> = {
  'in-person': 'In person',
  video: 'Video call',
  phone: 'Phone call',
  other: 'Other',
};

/** Words shown for a meeting's status. */
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planned',
  held: 'Held',
  cancelled: 'Cancelled',
};

/** Words shown for each kind of activity done in a meeting. */
export const ACTIVITY_LABELS: Record<Activity, string> = {
  'setting-goals': 'Setting or reviewing goals',
  'reading-discussion': 'Talking over a book or article',
  'technology-trade': 'Technology trade (each shows the other a tool)',
  'addressing-a-challenge': 'Working through a challenge',
  'job-shadowing': 'Job shadowing',
  observation: 'Observing the other at work',
  other: 'Something else',
};

/** Words shown for each milestone status. */
export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  missed: 'Missed',
  dropped: 'Dropped',
};

/** How a journal is named in the switcher: "Ana Kowalska & Sam Reid". */
export function journalTitle({ journal }: { journal: Pick<Journal, 'menteeName' | 'mentorName'> }): string {
  const names = [journal.menteeName, journal.mentorName].filter(Boolean);
  return names.length ? names.join(' & ') : 'Untitled journal';
}

/** Words shown for where a story happened. */
export const STORY_CONTEXT_LABELS: Record<StoryContext, string> = {
  work: 'Work',
  school: 'School',
  volunteering: 'Volunteering',
  life: 'Life',
};
/**
 * The words a screen labels each long text with, per kind: conflicts and other messages name a
 * field the way the person sees it ("Success criteria"), never by its key. Every long text (the
 * fields that can be changed by both people at once) has one; labels.test.ts checks.
 */
export const FIELD_LABELS: Partial<Record<KindName, Readonly<Record<string, string>>>> = {
  journal: { purpose: 'Purpose of working together', communication: 'How we keep in touch' },
  goal: {
    description: 'Description',
    whyItMatters: 'Why it matters',
    successCriteria: 'Success criteria',
    gapNow: 'Where I am now',
    gapTarget: 'Where I want to be',
    gapBridge: 'How I’ll bridge the gap',
  },
  progressEntry: { note: 'Progress note' },
  milestone: { evidence: 'Evidence and notes' },
  meeting: { sharedNotes: 'Shared notes', nextTopics: 'Topics for the next meetings', summary: 'Summary' },
  note: { text: 'Note' },
  story: {
    problem: 'Problem',
    action: 'Action',
    result: 'Result',
    soWhat: 'So what?',
    short: 'The 90-second version',
  },
  reflection: { answer: 'Answer' },
  review: { answer: 'Review answer' },
  contact: { notes: 'Notes' },
  opportunity: { takeaways: 'Takeaways' },
  checkIn: {
    howItIsGoing: 'How the partnership is going',
    whatWorksWell: 'What is working well',
    whatWorksLess: 'What is working less well',
    whatWeGain: 'What each of us gets out of it',
    supportValued: 'Support the mentee values most',
    supportWanted: 'Further support the mentee would welcome',
    constraints: 'Outside pressures',
    changes: 'What should change',
  },
  agreementChange: { from: 'Before', to: 'After' },
  theme: { jobsAndPlaces: 'Jobs and places that use this skill' },
};

/** A field's label as the screens show it: "Success criteria"; words made from the key if it has none. */
export function fieldLabel(kind: KindName, field: string): string {
  const label = FIELD_LABELS[kind]?.[field];
  if (label) return label;
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
