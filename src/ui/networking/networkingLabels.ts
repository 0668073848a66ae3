import type { HowFound } from '../../model/contact';

/** Words shown for how a contact was found. */
export const HOW_FOUND_LABELS: Record<HowFound, string> = {
  referral: 'Someone referred me',
  'professional-network': 'Professional network',
  event: 'At an event',
  other: 'Other',
};

/** The four R's of an informational interview, as a checklist in our words. */
export const FOUR_RS = [
  {
    field: 'researched',
    label: 'Researched the organisation',
    hint: 'Its culture, what it is working on, and who is hiring.',
  },
  {
    field: 'askedReferrals',
    label: 'Asked for referrals',
    hint: 'Whether I may mention their name when I apply, or whom else I should talk to.',
  },
  {
    field: 'askedResumeReview',
    label: 'Asked for a résumé review',
    hint: 'Their honest comments on my résumé (not a request to pass it on).',
  },
  {
    field: 'remembered',
    label: 'Made sure to be remembered',
    hint: 'A thank-you note, a coffee, an article they would enjoy.',
  },
] as const;

/** How many of the four R's are done. */
export function fourRsDone(contact: Partial<Record<(typeof FOUR_RS)[number]['field'], boolean>>): number {
  return FOUR_RS.filter((r) => contact[r.field]).length;
}

/** A contact's name as shown in lists. */
export function contactName(contact: { name?: string }): string {
  return contact.name?.trim() || 'Unnamed contact';
}
