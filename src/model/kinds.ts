import { AgreementChangeKind } from './agreementChange';
import { CheckInKind } from './checkIn';
import { ContactKind } from './contact';
import { DutyKind } from './duty';
import { GoalKind, ProgressEntryKind } from './goal';
import { JournalKind } from './journal';
import type { KindDefinition, KindName } from './kind';
import { ActionItemKind, AgendaItemKind, MeetingKind } from './meeting';
import { MilestoneKind } from './milestone';
import { NoteKind } from './note';
import { OpportunityKind } from './opportunity';
import { ReflectionKind } from './reflection';
import { ReviewKind } from './review';
import { StoryKind } from './story';
import { ThemeKind } from './theme';

/** Every record kind, by name. */
export const KINDS = {
  journal: JournalKind,
  goal: GoalKind,
  progressEntry: ProgressEntryKind,
  milestone: MilestoneKind,
  meeting: MeetingKind,
  agendaItem: AgendaItemKind,
  actionItem: ActionItemKind,
  note: NoteKind,
  story: StoryKind,
  reflection: ReflectionKind,
  contact: ContactKind,
  opportunity: OpportunityKind,
  checkIn: CheckInKind,
  duty: DutyKind,
  agreementChange: AgreementChangeKind,
  theme: ThemeKind,
  review: ReviewKind,
} as const satisfies { [K in KindName]: KindDefinition<K> };

export type Kinds = typeof KINDS;
/** The record type of a kind, e.g. `RecordFor<'goal'>` is `Goal`. */
export type RecordFor<K extends KindName> = import('zod/mini').infer<Kinds[K]['schema']>;
/** Any record of any kind. */
export type AnyRecord = RecordFor<KindName>;
