import * as z from 'zod/mini';
import { capitalize, fieldWords, recordName } from './describe';
import type { KindName } from './kind';
import { KINDS, type RecordFor } from './kinds';

/** A record that does not fit its schema; the message names the field in plain words. */
export class ValidationError extends Error {
  constructor(
    readonly kind: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${capitalize(kind)} cannot be saved: ${field} ${problem}.`);
    this.name = 'ValidationError';
  }
}

/** Checks a record against its kind's schema; throws a ValidationError naming the first bad field. */
export function validateRecord<K extends KindName>(kind: K, record: unknown): RecordFor<K> {
  const result = z.safeParse(KINDS[kind].schema, record);
  if (result.success) return record as RecordFor<K>;
  const issue = result.error.issues[0]!;
  throw new ValidationError(
    recordName(kind, asObject(record)),
    fieldWords(issue.path),
    describeIssue(issue, record),
  );
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The value at an issue's path in the input (zod does not keep it on the issue). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function typeWords(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'yes or no (true or false)',
  object: 'a group of fields',
  array: 'a list',
  record: 'a group of fields',
};

/**
 * What is wrong with a value, in words, without naming the field (the caller does): "is missing",
 * "must be text, but is a number". `input` is the value that was checked.
 */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(input, issue.path);
      const expected = EXPECTED[issue.expected] ?? `a ${issue.expected}`;
      return value === undefined ? 'is missing' : `must be ${expected}, but is ${typeWords(value)}`;
    }
    case 'too_big':
      return issue.origin === 'string'
        ? `is too long (at most ${issue.maximum.toLocaleString('en')} characters)`
        : `must be at most ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : `must be at least ${issue.minimum}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'date') return 'must be a date (YYYY-MM-DD)';
      if (issue.format === 'datetime') return 'must be a date and time';
      return `must be a valid ${issue.format}`;
    default:
      return issue.message.toLowerCase();
  }
}
