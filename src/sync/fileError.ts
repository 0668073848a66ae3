/** Why a whole file was refused. Each reason has one plain-words message; nothing is written. */
export type FileFault =
  | 'too-big'
  | 'damaged-compression'
  | 'cannot-uncompress'
  | 'empty'
  | 'binary'
  | 'not-json'
  | 'truncated'
  | 'forbidden-key'
  | 'wrong-shape'
  | 'checksum'
  | 'unknown-kind'
  | 'newer-version'
  | 'too-many-records'
  | 'too-many-for-device'
  | 'duplicate-ids'
  | 'needs-passphrase'
  | 'cannot-decrypt'
  | 'no-journal';

/** A file refused as a whole: the message says what is wrong and that nothing was changed. */
export class FileRefusedError extends Error {
  constructor(
    readonly fault: FileFault,
    message: string,
  ) {
    super(message);
    this.name = 'FileRefusedError';
  }
}

/** The words shown when a file cannot be decrypted, whatever the cause. */
export const CANNOT_DECRYPT = 'Cannot decrypt: wrong passphrase or damaged file. Nothing was imported.';
/** The words shown for a file made by a newer version of the app. */
export const NEWER_VERSION =
  'This file was made by a newer version of Mentoring Journal — update the app to open it. Nothing was imported.';
