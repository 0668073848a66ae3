import * as z from 'zod/mini';
import type { KindName } from './kind';
import { KINDS, type RecordFor } from './kinds';

/** A record that does not fit its schema; the message names the field in plain words. */
export class ValidationError extends Error {
  constructor(
    readonly kind: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`This ${kind} cannot be saved: “${field}” ${problem}.`);
    this.name = 'ValidationError';
  }
}

/** Checks a record against its kind's schema; throws a ValidationError naming the first bad field. */
export function validateRecord<K extends KindName>(kind: K, record: unknown): RecordFor<K> {
  const definition = KINDS[kind];
  const result = z.safeParse(definition.schema, record);
  if (result.success) return record as RecordFor<K>;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.') || 'record';
  throw new ValidationError(definition.label, field, describeIssue(issue));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is missing' : `must be a ${issue.expected}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `is too long (at most ${issue.maximum} characters)`
        : `must be at most ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : `must be at least ${issue.minimum}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.join(', ')}`;
    case 'invalid_format':
      return issue.format === 'date' ? 'must be a date (YYYY-MM-DD)' : `must be a valid ${issue.format}`;
    default:
      return issue.message.toLowerCase();
  }
}
