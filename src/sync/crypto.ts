import { CANNOT_DECRYPT, FileRefusedError } from './fileError';

/** PBKDF2 rounds for a new file: slow enough to make guessing a passphrase expensive. */
export const PBKDF2_ITERATIONS = 600_000;
/** The most rounds a file may ask for: more would freeze the device, so such a file is refused. */
export const MAX_PBKDF2_ITERATIONS = 5_000_000;

/** How a file was encrypted: everything but the passphrase, written in the file's envelope. */
export interface EncryptionParams {
  cipher: 'AES-GCM';
  keyBits: 256;
  kdf: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
  /** 16 random bytes, base64. */
  salt: string;
  /** 12 random bytes, base64. */
  iv: string;
}

/** Bytes as base64, in chunks so large files do not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** base64 back to bytes; throws on text that is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/**
 * Encrypts a text with a passphrase: AES-GCM 256 with a key from PBKDF2-SHA-256, fresh random
 * salt and IV. `header` (the file's visible envelope) is bound as additional data, so changing it
 * makes decryption fail.
 */
export async function encryptText(
  text: string | Uint8Array,
  passphrase: string,
  header: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<{ encryption: EncryptionParams; ciphertext: string }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(passphrase, salt, iterations);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(header) },
    key,
    (typeof text === 'string' ? new TextEncoder().encode(text) : text) as Uint8Array<ArrayBuffer>,
  );
  return {
    encryption: {
      cipher: 'AES-GCM',
      keyBits: 256,
      kdf: 'PBKDF2',
      hash: 'SHA-256',
      iterations,
      salt: toBase64(salt),
      iv: toBase64(iv),
    },
    ciphertext: toBase64(new Uint8Array(sealed)),
  };
}

/** Decrypts what `encryptText` made: the bytes that were sealed. Any failure — wrong passphrase, changed byte — is one message. */
export async function decryptBytes(
  params: EncryptionParams,
  ciphertext: string,
  passphrase: string,
  header: string,
): Promise<Uint8Array> {
  try {
    const salt = fromBase64(params.salt);
    const iv = fromBase64(params.iv);
    if (salt.length !== 16 || iv.length !== 12) throw new Error('bad parameters');
    const key = await deriveKey(passphrase, salt, params.iterations);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(header) },
      key,
      fromBase64(ciphertext),
    );
    return new Uint8Array(plain);
  } catch {
    throw new FileRefusedError('cannot-decrypt', CANNOT_DECRYPT);
  }
}
