import type { Role } from './constants';
import { derivedId } from './ids';

/** The duties each person takes on in the partnership agreement, in our words. */
export const DEFAULT_DUTIES: Record<Role, readonly string[]> = {
  mentor: [
    'Help my mentee put their goals into words and shape them',
    'Agree a meeting schedule with my mentee and keep to it',
    'Give honest, constructive feedback',
    'Keep our conversations a safe place for difficult topics',
  ],
  mentee: [
    'Come to each meeting with my goals and current challenges',
    'Ask for feedback and take it on board',
    'Follow up on what we agreed',
    'Prepare questions before we meet',
    'Share my successes, not only my problems',
    'Stay open to new ideas and ways of seeing the profession',
  ],
};

/**
 * The id of a default duty: derived from the journal, role and position, so the mentor's and the
 * mentee's devices, which each create the defaults, make the same records and a sync never doubles them.
 */
export function defaultDutyId(journalId: string, role: Role, index: number): string {
  return derivedId(journalId, 'default-duty', role, String(index));
}
