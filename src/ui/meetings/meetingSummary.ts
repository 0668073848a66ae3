import type { Role } from '../../model/constants';
import { ACTIVITY_LABELS, MILESTONE_STATUS_LABELS } from '../../model/labels';
import type { Activity } from '../../model/meeting';
import { formatDate, ROLE_LABELS } from '../components/labels';
import { formatWhen } from './meetingLabels';

export interface SummaryInput {
  agenda: readonly { text?: string; discussed?: boolean }[];
  milestones: readonly {
    title?: string;
    status?: string;
    dueDate?: string;
    statusChanged: boolean;
    dueChanged: boolean;
  }[];
  carried: readonly { text?: string; done?: boolean }[];
  newActions: readonly { text?: string; owner?: Role; dueDate?: string; done?: boolean }[];
  activities: readonly Activity[];
  next?: { date?: string; time?: string };
  nextTopics?: string;
}

/** A milestone status as it reads inside a sentence: "marked in progress". */
const statusInSentence = (status: string) =>
  (MILESTONE_STATUS_LABELS as Record<string, string | undefined>)[status]?.toLowerCase() ?? status;

const name = (text: string | undefined, fallback: string) => text?.trim() || fallback;

/** Ends a line with a full stop, unless the person's own text already ends a sentence ("Which one?"). */
const stop = (text: string) => (/[.!?…]["”’)]?$/.test(text) ? text : `${text}.`);

/** The summary of a meeting as plain text lines, written from what changed in meeting mode. */
export function summaryLines(input: SummaryInput): string[] {
  const lines: string[] = [];
  const discussed = input.agenda.filter((a) => a.discussed);
  if (input.agenda.length === 0) lines.push('Agenda: no points were planned.');
  else {
    lines.push(`Agenda: ${discussed.length} of ${input.agenda.length} points discussed.`);
    for (const a of input.agenda.filter((x) => !x.discussed))
      lines.push(stop(`Not yet discussed (carries to the next meeting): ${name(a.text, 'untitled point')}`));
  }
  for (const m of input.milestones) {
    const parts: string[] = [];
    if (m.statusChanged && m.status) parts.push(`marked ${statusInSentence(m.status)}`);
    if (m.dueChanged && m.dueDate) parts.push(`now due ${formatDate(m.dueDate)}`);
    if (parts.length > 0) lines.push(`Milestone “${name(m.title, 'untitled')}”: ${parts.join(', ')}.`);
  }
  for (const c of input.carried)
    lines.push(
      c.done
        ? stop(`Done since last time: ${name(c.text, 'untitled action')}`)
        : stop(`Still open, carried on: ${name(c.text, 'untitled action')}`),
    );
  for (const a of input.newActions) {
    if (a.done) {
      // Agreed and closed in the same meeting: done, so no "by" date and nothing left open.
      const who = a.owner ? ` (${ROLE_LABELS[a.owner]})` : '';
      lines.push(
        who
          ? `New action, already done: ${name(a.text, 'untitled action')}${who}.`
          : stop(`New action, already done: ${name(a.text, 'untitled action')}`),
      );
      continue;
    }
    const who = a.owner
      ? ` (${ROLE_LABELS[a.owner]}${a.dueDate ? `, by ${formatDate(a.dueDate)}` : ''})`
      : a.dueDate
        ? ` (by ${formatDate(a.dueDate)})`
        : '';
    lines.push(
      who
        ? `New action: ${name(a.text, 'untitled action')}${who}.`
        : stop(`New action: ${name(a.text, 'untitled action')}`),
    );
  }
  if (input.activities.length > 0)
    lines.push(`Activities: ${input.activities.map((a) => ACTIVITY_LABELS[a]).join('; ')}.`);
  lines.push(input.next?.date ? `Next meeting: ${formatWhen(input.next)}.` : 'Next meeting: not set yet.');
  if (input.nextTopics?.trim()) lines.push(`Topics for the next meetings: ${input.nextTopics.trim()}`);
  return lines;
}
