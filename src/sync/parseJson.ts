import { FileRefusedError } from './fileError';

/** The largest file the app opens: a journal file is far smaller; anything bigger is refused unread. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Keys that could reach an object's prototype if copied around: never allowed in a file. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** First bytes of common non-text files, so a renamed PDF or photo gets a message that says so. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'an image (PNG)' },
  { bytes: [0xff, 0xd8, 0xff], what: 'an image (JPEG)' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'an image (GIF)' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive or office document' },
];

/** Turns a file's bytes into text, refusing empty, oversized and binary files with a clear message. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_FILE_BYTES) throw tooBig(bytes.byteLength);
  for (const { bytes: signature, what } of SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) {
      throw new FileRefusedError(
        'binary',
        `This file is ${what}, not a Mentoring Journal file. Nothing was imported.`,
      );
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FileRefusedError(
      'binary',
      'This file is not text, so it cannot be a Mentoring Journal file. Nothing was imported.',
    );
  }
  if (text.includes('\u0000')) {
    throw new FileRefusedError(
      'binary',
      'This file is not text, so it cannot be a Mentoring Journal file. Nothing was imported.',
    );
  }
  return text;
}

function tooBig(bytes: number): FileRefusedError {
  const mb = Math.round(bytes / (1024 * 1024));
  return new FileRefusedError(
    'too-big',
    `This file is ${mb} MB; a Mentoring Journal file is never larger than 50 MB, so it was not opened. Nothing was imported.`,
  );
}

/**
 * Parses JSON text safely: refuses oversized and empty text, and refuses any object key named
 * `__proto__`, `constructor` or `prototype` at any depth (the reviver drops such a key before it
 * can reach an object, then the whole file is refused, since our app never writes one).
 */
export function parseJson(text: string): unknown {
  // A UTF-16 string of more than 50 M characters holds more than 50 MB.
  if (text.length > MAX_FILE_BYTES) throw tooBig(text.length);
  if (text.trim() === '') {
    throw new FileRefusedError('empty', 'This file is empty. Nothing was imported.');
  }
  let forbidden: string | undefined;
  let value: unknown;
  try {
    value = JSON.parse(text, function (this: unknown, key: string, item: unknown) {
      if (FORBIDDEN_KEYS.has(key) && this !== null && typeof this === 'object' && !Array.isArray(this)) {
        forbidden ??= key;
        return undefined;
      }
      return item;
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/end of (JSON|data)|Unterminated|unexpected end/i.test(message)) {
      throw new FileRefusedError(
        'truncated',
        'This file ends too early: it may have been cut short while being copied or sent. Ask for it again. Nothing was imported.',
      );
    }
    throw new FileRefusedError(
      'not-json',
      'This file is not a Mentoring Journal file (it is not JSON text). Nothing was imported.',
    );
  }
  if (forbidden !== undefined) {
    throw new FileRefusedError(
      'forbidden-key',
      `This file contains a field named “${forbidden}”, which Mentoring Journal never writes: it may have been tampered with. Nothing was imported.`,
    );
  }
  return value;
}

/** True for a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
