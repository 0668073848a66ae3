import type { Role } from './constants';

/** A new random record id (UUID v4). */
export function newId(): string {
  return crypto.randomUUID();
}

/** A new random device node id: 16 lowercase hex digits. */
export function newNodeId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * An id derived from its source, the same on every device: two devices that each create "the
 * mentor's default duty 3 of journal J" or "action item X carried into meeting M" make one record,
 * not two. The parts are hashed (128-bit FNV-1a) into UUID form, version nibble 8 (custom).
 */
export function derivedId(...parts: string[]): string {
  const text = parts.join('\u001f');
  let hash = 0x6c62272e07bb014262b821756295c58dn;
  const prime = 0x0000000001000000000000000000013bn;
  const mask = (1n << 128n) - 1n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * prime) & mask;
  }
  const hex = hash.toString(16).padStart(32, '0');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The id of the theme record for a skill (normalised), the same on both devices. */
export function themeId(journalId: string, skillKey: string): string {
  return derivedId(journalId, 'theme', skillKey);
}

/** The id of my answer to a prompt on a given day: one record per prompt per day, the same on every device. */
export function reflectionId(journalId: string, role: Role, promptId: string, day: string): string {
  return derivedId(journalId, 'reflection', role, promptId, day);
}

/** The id of a programme plan step's milestone: a plan accepted on both devices makes one milestone a step. */
export function planMilestoneId(journalId: string, step: string): string {
  return derivedId(journalId, 'plan', step);
}

/**
 * The id of my answer to one review question (per goal, for the goal questions): one record per
 * person per question, the same on every device.
 */
export function reviewAnswerId(
  journalId: string,
  stage: string,
  role: Role,
  question: string,
  goalId = '',
): string {
  return derivedId(journalId, 'review', stage, role, question, goalId);
}
