/**
 * The words shown for domain values, one table per enumeration, used by every screen and by the
 * committee summary alike. Types only are imported, so this stays free of zod for the first load.
 */
import type { GoalStatus } from './goal';
import type { Journal } from './journal';
import type { Activity, MeetingMode, MeetingStatus } from './meeting';
import type { MilestoneStatus } from './milestone';
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
