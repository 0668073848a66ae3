import { FileRefusedError } from './fileError';

const MB = 1024 * 1024;
/**
 * The largest file the app opens, as stored and once unpacked: 256 MB of JSON. A journal of the
 * most records a device may hold (see MAX_RECORDS), written as realistically as any, is about half
 * of it; anything bigger is refused unread (a compressed file as soon as it unpacks past it).
 */
export const MAX_FILE_BYTES = 256 * MB;

/** Keys that could reach an object's prototype if copied around: never allowed in a file. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The first bytes of a gzip stream (RFC 1952): ID1, ID2 and the deflate method. */
const GZIP = [0x1f, 0x8b, 0x08];

/** First bytes of common non-text files, so a renamed PDF or photo gets a message that says so. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'an image (PNG)' },
  { bytes: [0xff, 0xd8, 0xff], what: 'an image (JPEG)' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'an image (GIF)' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive or office document' },
];

/** Is this a gzip-compressed file (a large pair file or backup)? Told by its first bytes, not its name. */
export function isGzip(bytes: Uint8Array): boolean {
  return GZIP.every((b, i) => bytes[i] === b);
}

/** The words for a file over MAX_FILE_BYTES (the import screen says them before reading the file). */
export function tooBigMessage(bytes: number, unpacked = false): string {
  const limit = `${MAX_FILE_BYTES / MB} MB`;
  return unpacked
    ? `This file unpacks to more than ${limit}; a Mentoring Journal file never holds more than ${limit}, so it was not opened. Nothing was imported.`
    : `This file is ${Math.round(bytes / MB)} MB; a Mentoring Journal file is never larger than ${limit}, so it was not opened. Nothing was imported.`;
}

function tooBig(bytes: number, unpacked = false): FileRefusedError {
  return new FileRefusedError('too-big', tooBigMessage(bytes, unpacked));
}

const NOT_TEXT = 'This file is not text, so it cannot be a Mentoring Journal file. Nothing was imported.';

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
    throw new FileRefusedError('binary', NOT_TEXT);
  }
  if (text.includes('\u0000')) throw new FileRefusedError('binary', NOT_TEXT);
  return text;
}

/**
 * Unpacks a gzip-compressed file, streaming, and stops as soon as it unpacks past `max` bytes: a
 * small file that would unpack to gigabytes (a "gzip bomb") is refused after at most `max` bytes.
 * A stream that is damaged or cut short is refused with words that say so.
 */
export async function gunzip(bytes: Uint8Array, max = MAX_FILE_BYTES): Promise<Uint8Array> {
  if (typeof DecompressionStream !== 'function') {
    throw new FileRefusedError(
      'cannot-uncompress',
      'This file is compressed, and this browser cannot unpack compressed files. Update the browser, or open the file on another device. Nothing was imported.',
    );
  }
  // The trailer's last four bytes say the unpacked size (of an intact file): room is made for it
  // at once when it is plausible. It is never trusted further: a cut file ends anywhere.
  const end = bytes.byteLength;
  const told =
    end >= 18
      ? (bytes[end - 4]! | (bytes[end - 3]! << 8) | (bytes[end - 2]! << 16) | (bytes[end - 1]! << 24)) >>> 0
      : 0;
  let out = new Uint8Array(told <= max && told <= 64 * end ? Math.max(told, 1024) : 64 * 1024);
  let length = 0;
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'))
    .getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.byteLength > max) {
        await reader.cancel().catch(() => {});
        throw tooBig(length + value.byteLength, true);
      }
      if (length + value.byteLength > out.byteLength) {
        const grown = new Uint8Array(Math.min(max, Math.max(out.byteLength * 2, length + value.byteLength)));
        grown.set(out.subarray(0, length));
        out = grown;
      }
      out.set(value, length);
      length += value.byteLength;
    }
  } catch (error) {
    if (error instanceof FileRefusedError) throw error;
    throw new FileRefusedError(
      'damaged-compression',
      'This compressed file is damaged or cut short, so it cannot be unpacked. Ask for a fresh copy. Nothing was imported.',
    );
  }
  return out.subarray(0, length);
}

/** Compresses a file's UTF-8 text with gzip (CompressionStream), or returns undefined where the browser cannot. */
export async function gzip(utf8: Blob): Promise<Uint8Array | undefined> {
  if (typeof CompressionStream !== 'function') return undefined;
  const stream = utf8.stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A file's text, and — when it came as bytes — those bytes as UTF-8 (unpacked, if it was compressed). */
export interface DecodedFile {
  text: string;
  bytes?: Uint8Array;
}

/**
 * Reads a file as the app receives it: text, or bytes that are UTF-8 JSON or gzip-compressed UTF-8
 * JSON (told apart by their first bytes). Refuses oversized, binary and damaged files in words.
 */
export async function decodeFile(input: Uint8Array | string): Promise<DecodedFile> {
  if (typeof input === 'string') return { text: input };
  if (input.byteLength > MAX_FILE_BYTES) throw tooBig(input.byteLength);
  const bytes = isGzip(input) ? await gunzip(input) : input;
  return { text: decodeText(bytes), bytes };
}

/**
 * Parses JSON text safely: refuses oversized and empty text, and refuses any object key named
 * `__proto__`, `constructor` or `prototype` at any depth (the reviver drops such a key before it
 * can reach an object, then the whole file is refused, since our app never writes one). Text that
 * cannot hold such a key (see `mayHoldForbiddenKey`) is parsed without the reviver.
 */
export function parseJson(text: string): unknown {
  // A UTF-16 string of more characters than the limit holds more bytes than it as UTF-8.
  if (text.length > MAX_FILE_BYTES) throw tooBig(text.length);
  if (text.trim() === '') {
    throw new FileRefusedError('empty', 'This file is empty. Nothing was imported.');
  }
  let forbidden: string | undefined;
  let value: unknown;
  try {
    value = mayHoldForbiddenKey(text)
      ? JSON.parse(text, function (this: unknown, key: string, item: unknown) {
          if (FORBIDDEN_KEYS.has(key) && this !== null && typeof this === 'object' && !Array.isArray(this)) {
            forbidden ??= key;
            return undefined;
          }
          return item;
        })
      : JSON.parse(text);
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

/**
 * Could this JSON text hold a forbidden key? Only if one is written out in quotes, or if it holds a
 * `\u` escape (the only escape that can spell a letter). Text without either is parsed without the
 * reviver, which makes the parse two to three times faster; parsed with `JSON.parse`, such a key is an
 * own property anyway and never reaches a prototype.
 */
function mayHoldForbiddenKey(text: string): boolean {
  return MAY_HOLD_FORBIDDEN.test(text);
}

/** One pass over the text (a regular expression is several times faster here than four searches). */
const MAY_HOLD_FORBIDDEN = /\\u|"(?:__proto__|constructor|prototype)"/;

/** True for a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
