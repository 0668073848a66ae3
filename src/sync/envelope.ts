import * as z from 'zod/mini';
import { dateTimeSchema, idSchema, roleSchema, shortText, stampSchema } from '../model/common';
import { KIND_NAMES, type KindName } from '../model/kind';
import type { AnyRecord } from '../model/kinds';
import { MAX_FILE_RECORDS } from '../model/limits';
import { canonicalJson, sha256Hex } from './canonical';
import { encryptText, MAX_PBKDF2_ITERATIONS, PBKDF2_ITERATIONS } from './crypto';

/** The `format` every Mentoring Journal file carries. */
export const FORMAT_NAME = 'mentoring-journal';
/**
 * The format version this app writes. Older versions are migrated forward on import.
 * 2: records carry `elements`, so lists (skills, linked goals, activities) merge as sets.
 */
export const FORMAT_VERSION = 2;
/** A pair file goes to the partner; a backup stays with its owner. */
export const FILE_KINDS = ['pair', 'backup'] as const;
export type FileKind = (typeof FILE_KINDS)[number];
/**
 * The most records a file may hold. A real journal has hundreds to thousands; a device never holds
 * more than this (src/model/limits.ts: new records stop at DEVICE_RECORD_LIMIT, and an import that
 * would pass this is refused), so every pair file and backup the app writes can be read back.
 */
export const MAX_RECORDS = MAX_FILE_RECORDS;

/**
 * A record that is private now but was shared before: its id (and kind, to find it) and the stamp
 * of the visibility change, never its content. The partner's copy removes it.
 */
export const withdrawalSchema = z.object({
  id: idSchema,
  kind: z.enum(KIND_NAMES),
  at: stampSchema,
});
export type Withdrawal = z.infer<typeof withdrawalSchema>;

/** My role in one journal; only a backup carries it (a pair file never holds device-only state). */
export const membershipSchema = z.object({ journalId: idSchema, role: roleSchema });
export type BackupMembership = z.infer<typeof membershipSchema>;

/**
 * A cohort a committee member kept on this device; only a backup carries it (never a pair file).
 * Its summaries are committee summary files, checked again when the cohort is opened.
 */
export const cohortSchema = z.object({
  id: idSchema,
  name: shortText,
  keptAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
  pairCount: z.number().check(z.int(), z.minimum(0)),
  summaries: z.array(z.unknown()),
});
export type BackupCohort = z.infer<typeof cohortSchema>;

/**
 * The payload. Records are checked one by one by `restore` (one bad record must not sink the
 * file), so here they are only "a list"; docs/pair-file.schema.json shows each kind's fields.
 */
export const payloadSchema = z.looseObject({
  records: z.array(z.unknown()).check(z.maxLength(MAX_RECORDS)),
  withdrawn: z.optional(z.array(withdrawalSchema)),
  memberships: z.optional(z.array(membershipSchema)),
  cohorts: z.optional(z.array(cohortSchema)),
});
export type Payload = {
  records: AnyRecord[];
  withdrawn?: Withdrawal[];
  memberships?: BackupMembership[];
  cohorts?: BackupCohort[];
};

const headerShape = {
  format: z.literal(FORMAT_NAME),
  formatVersion: z.number().check(z.int(), z.minimum(1)),
  kind: z.enum(FILE_KINDS),
  appVersion: shortText,
  exportedAt: dateTimeSchema,
};

/**
 * A plain (not encrypted) file. Unknown top-level fields of a newer minor change are kept. A pair
 * file lists one journal; a backup lists every journal of the device — none, when it holds only a
 * committee member's kept cohorts (openFile checks both).
 */
export const plainFileSchema = z.looseObject({
  ...headerShape,
  journalIds: z.array(idSchema),
  counts: z.record(z.string(), z.number().check(z.int(), z.minimum(0))),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  payload: payloadSchema,
});
export interface PlainFile {
  format: typeof FORMAT_NAME;
  formatVersion: number;
  kind: FileKind;
  appVersion: string;
  exportedAt: string;
  journalIds: string[];
  counts: Record<string, number>;
  sha256: string;
  payload: Payload;
}

export const encryptionSchema = z.object({
  cipher: z.literal('AES-GCM'),
  keyBits: z.literal(256),
  kdf: z.literal('PBKDF2'),
  hash: z.literal('SHA-256'),
  iterations: z.number().check(z.int(), z.minimum(PBKDF2_ITERATIONS), z.maximum(MAX_PBKDF2_ITERATIONS)),
  salt: z.string().check(z.maxLength(64)),
  iv: z.string().check(z.maxLength(64)),
});

/** An encrypted file: the visible header, the parameters, and the whole plain file sealed inside. */
export const encryptedFileSchema = z.looseObject({
  ...headerShape,
  encryption: encryptionSchema,
  ciphertext: z.string(),
});
export type EncryptedFile = z.infer<typeof encryptedFileSchema>;

/** The part of an envelope that an encrypted file shows in the clear, bound to the ciphertext. */
export function headerText(file: {
  format: string;
  formatVersion: number;
  kind: string;
  appVersion: string;
  exportedAt: string;
}): string {
  const { format, formatVersion, kind, appVersion, exportedAt } = file;
  return canonicalJson({ format, formatVersion, kind, appVersion, exportedAt });
}

/** Records per kind, for the envelope: `{ goal: 3, meeting: 2 }`. */
export function countByKind(records: readonly unknown[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const record of records) {
    const kind = (record as { kind?: unknown } | null)?.kind;
    if (typeof kind === 'string') counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

/** The checksum of a payload: SHA-256 of its canonical JSON. */
export function payloadChecksum(payload: unknown): Promise<string> {
  return sha256Hex(canonicalJson(payload));
}

export interface FileOptions {
  kind: FileKind;
  appVersion: string;
  exportedAt: string;
  journalIds: string[];
  payload: Payload;
}

/** Wraps records in the envelope, with counts and checksum. */
export async function buildFile(options: FileOptions): Promise<PlainFile> {
  return (await writeFile(options)).file;
}

/**
 * Wraps records in the envelope and writes the file's text: the envelope, then the payload last,
 * in the very canonical JSON its checksum is taken over — so a reader checks the checksum over the
 * text as it stands, without writing the payload again (see `payloadText`).
 */
export async function writeFile(options: FileOptions): Promise<{ file: PlainFile; text: string }> {
  const { payload } = options;
  const canonical = canonicalJson(payload);
  const file: PlainFile = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    kind: options.kind,
    appVersion: options.appVersion,
    exportedAt: options.exportedAt,
    journalIds: options.journalIds,
    counts: countByKind(payload.records),
    sha256: await sha256Hex(canonical),
    payload,
  };
  return { file, text: fileText(file, canonical) };
}

/** What precedes the payload in a file the app writes: the payload is its last part. */
const PAYLOAD_KEY = ',"payload":';

/** A plain file's text as the app writes it: the envelope's JSON, and its payload last, canonical. */
export function fileText(file: PlainFile, canonicalPayload = canonicalJson(file.payload)): string {
  const { payload: _payload, ...envelope } = file;
  return `${JSON.stringify(envelope).slice(0, -1)}${PAYLOAD_KEY}${canonicalPayload}}`;
}

/**
 * Where a file's payload stands in its text, if the file is laid out as the app writes it (the
 * payload last): the offsets of the payload's text. Any other layout (an older version's, an edited
 * file) gives a text whose checksum does not match, and the payload is then written canonically to
 * check it.
 */
export function payloadText(text: string): { start: number; end: number } | undefined {
  const at = text.indexOf(PAYLOAD_KEY);
  const end = text.lastIndexOf('}');
  if (at < 0 || end < at) return undefined;
  return { start: at + PAYLOAD_KEY.length, end };
}

/**
 * Seals a plain file with a passphrase; the result shows only the header. `sealed` is what is
 * encrypted: the file's text, or that text gzip-compressed (a large file), by default its text.
 */
export async function encryptFile(
  file: PlainFile,
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
  sealed: string | Uint8Array = fileText(file),
): Promise<EncryptedFile> {
  const header = {
    format: FORMAT_NAME,
    formatVersion: file.formatVersion,
    kind: file.kind,
    appVersion: file.appVersion,
    exportedAt: file.exportedAt,
  } as const;
  return { ...header, ...(await encryptText(sealed, passphrase, headerText(header), iterations)) };
}

/** The kinds in the order people read them in a preview. */
export const KIND_ORDER: readonly KindName[] = KIND_NAMES;
