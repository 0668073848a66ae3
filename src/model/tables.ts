import type { KindName } from './kind';

/**
 * Where each kind is stored and what it is called, as plain data: the database layer needs this
 * on the first load, while the zod schemas (src/model/kinds.ts) load only when a write is validated.
 */
export const KIND_INFO: { [K in KindName]: { table: string; label: string } } = {
  journal: { table: 'journals', label: 'journal' },
  goal: { table: 'goals', label: 'goal' },
  progressEntry: { table: 'progressEntries', label: 'progress entry' },
  milestone: { table: 'milestones', label: 'milestone' },
  meeting: { table: 'meetings', label: 'meeting' },
  agendaItem: { table: 'agendaItems', label: 'agenda item' },
  actionItem: { table: 'actionItems', label: 'action item' },
  note: { table: 'notes', label: 'note' },
  story: { table: 'stories', label: 'story' },
  reflection: { table: 'reflections', label: 'reflection' },
  contact: { table: 'contacts', label: 'contact' },
  opportunity: { table: 'opportunities', label: 'opportunity' },
  checkIn: { table: 'checkIns', label: 'check-in' },
  duty: { table: 'duties', label: 'duty' },
  agreementChange: { table: 'agreementChanges', label: 'agreement change' },
  theme: { table: 'themes', label: 'theme' },
};
