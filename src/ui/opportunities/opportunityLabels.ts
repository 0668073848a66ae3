import type { OpportunityStatus, OpportunityType } from '../../model/opportunity';

export const OPPORTUNITY_TYPE_LABELS: Record<OpportunityType, string> = {
  programme: 'Programme',
  institute: 'Institute',
  webinar: 'Webinar',
  course: 'Course',
  reading: 'Reading',
  other: 'Other',
};

export const OPPORTUNITY_STATUS_LABELS: Record<OpportunityStatus, string> = {
  interested: 'Interested',
  applied: 'Applied',
  attending: 'Attending',
  done: 'Done',
};

/** A user's link, only if it is a web address (http or https); anything else is shown as text. */
export function safeLink(url: string | undefined): string | undefined {
  const trimmed = url?.trim();
  if (!trimmed || !/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** An opportunity's title as shown in lists. */
export function opportunityTitle(o: { title?: string }): string {
  return o.title?.trim() || 'Untitled opportunity';
}
