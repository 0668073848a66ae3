/**
 * A record's revision: a short digest of every stamp it carries (its cells' stamps and bases, the
 * stamps of its set elements and of values kept aside), with its id, kind and journal. Stamps are
 * unique per edit and equal stamps carry the same edit (see src/sync/merge.ts), so two copies with
 * the same revision are the same version of the record: an import counts such a record unchanged
 * without reading it (src/db/revs.ts keeps each stored record's revision). Pure.
 */
import { ASIDE_FIELD } from './aside';
import { ELEMENTS_FIELD } from './sets';

type Stamped = {
  id: string;
  kind: string;
  journalId: string;
  stamps: Readonly<Record<string, string>>;
  bases?: Readonly<Record<string, string>>;
};

/** `name=value;` for each entry of a map of text, in name order: the same map gives the same text. */
function mapText(map: unknown): string {
  if (!map || typeof map !== 'object') return '';
  let text = '';
  for (const name of Object.keys(map).sort()) {
    const value = (map as Record<string, unknown>)[name];
    if (typeof value === 'string') text += `${name}=${value};`;
  }
  return text;
}

/** The stamps of each element of each set field (when it was added, last changed, whether removed). */
function elementsText(elements: unknown): string {
  if (!elements || typeof elements !== 'object') return '';
  let text = '';
  for (const field of Object.keys(elements).sort()) {
    const map = (elements as Record<string, unknown>)[field];
    if (!map || typeof map !== 'object') continue;
    text += `${field}{`;
    for (const key of Object.keys(map).sort()) {
      const entry = (map as Record<string, { at?: unknown; since?: unknown; removed?: unknown }>)[key];
      text += `${key}=${String(entry?.at)},${String(entry?.since)},${entry?.removed === true ? 1 : 0};`;
    }
    text += '}';
  }
  return text;
}

/** The stamps of the values kept aside. */
function asideText(aside: unknown): string {
  if (!aside || typeof aside !== 'object') return '';
  let text = '';
  for (const name of Object.keys(aside).sort()) {
    text += `${name}=${String((aside as Record<string, { stamp?: unknown }>)[name]?.stamp)};`;
  }
  return text;
}

/**
 * cyrb53 (a public-domain 53-bit string hash): fast and well spread. A collision can only make an
 * import count a changed record unchanged if both copies also share id, kind and journal, and a
 * file crafted to collide only keeps its own record out.
 */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** This device's revision of each of its records, by id. */
export type DeviceRevs = ReadonlyMap<string, string>;

/** The record's revision (see above). */
export function recordRev(record: Stamped): string {
  const loose = record as unknown as Record<string, unknown>;
  return hash53(
    `${record.kind}|${record.journalId}|${record.id}|${mapText(record.stamps)}|${mapText(record.bases)}|${elementsText(loose[ELEMENTS_FIELD])}|${asideText(loose[ASIDE_FIELD])}`,
  );
}
