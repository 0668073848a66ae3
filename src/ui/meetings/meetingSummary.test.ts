import { describe, expect, it } from 'vitest';
import { summaryLines } from './meetingSummary';

describe('meeting summary', () => {
  it('says what changed: agenda, milestones, actions done and carried, new actions, activities, next meeting', () => {
    expect(
      summaryLines({
        agenda: [{ text: 'Poster', discussed: true }, { text: 'Budget' }],
        milestones: [
          { title: 'Submit proposal', status: 'done', statusChanged: true, dueChanged: false },
          {
            title: 'Course',
            status: 'planned',
            dueDate: '2026-09-30',
            statusChanged: false,
            dueChanged: true,
          },
          { title: 'Untouched', status: 'planned', statusChanged: false, dueChanged: false },
        ],
        carried: [{ text: 'Send the CV', done: true }, { text: 'Call HR' }],
        newActions: [
          { text: 'Draft abstract', owner: 'mentee', dueDate: '2026-07-01' },
          { text: 'Book room' },
        ],
        activities: ['setting-goals', 'job-shadowing'],
        next: { date: '2026-08-20', time: '14:30' },
        nextTopics: 'Interview practice',
      }),
    ).toEqual([
      'Agenda: 1 of 2 points discussed.',
      'Not yet discussed (carries to the next meeting): Budget.',
      'Milestone “Submit proposal”: marked done.',
      'Milestone “Course”: now due 30 Sep 2026.',
      'Done since last time: Send the CV.',
      'Still open, carried on: Call HR.',
      'New action: Draft abstract (Mentee, by 1 Jul 2026).',
      'New action: Book room.',
      'Activities: Setting or reviewing goals; Job shadowing.',
      'Next meeting: 20 Aug 2026, 14:30.',
      'Topics for the next meetings: Interview practice',
    ]);
  });

  it('an action agreed and closed in the same meeting reads as done, with no date to meet', () => {
    expect(
      summaryLines({
        agenda: [],
        milestones: [],
        carried: [],
        newActions: [
          { text: 'Email the branch manager', owner: 'mentor', dueDate: '2026-12-08', done: true },
          { text: 'Read the report', done: true },
          { text: 'Draft abstract', owner: 'mentee', dueDate: '2026-12-08', done: false },
        ],
        activities: [],
      }).slice(1, 4),
    ).toEqual([
      'New action, already done: Email the branch manager (Mentor).',
      'New action, already done: Read the report.',
      'New action: Draft abstract (Mentee, by 8 Dec 2026).',
    ]);
  });

  it('a meeting with no agenda and no next date says so', () => {
    expect(summaryLines({ agenda: [], milestones: [], carried: [], newActions: [], activities: [] })).toEqual(
      ['Agenda: no points were planned.', 'Next meeting: not set yet.'],
    );
  });

  it('an item that already ends a sentence gets no second full stop', () => {
    expect(
      summaryLines({
        agenda: [{ text: 'Which conferences are worth it?' }],
        milestones: [],
        carried: [{ text: 'Call HR.', done: true }],
        newActions: [{ text: 'Ask about the budget!' }],
        activities: [],
      }).slice(0, 4),
    ).toEqual([
      'Agenda: 0 of 1 points discussed.',
      'Not yet discussed (carries to the next meeting): Which conferences are worth it?',
      'Done since last time: Call HR.',
      'New action: Ask about the budget!',
    ]);
  });
});
