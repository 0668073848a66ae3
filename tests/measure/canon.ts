import { canonicalJsonOld } from '../../../../tmp/ss/canon_old';
import { canonicalJson } from '../../src/sync/canonical';
import { realisticJournal } from '../../src/sync/testing';

function concat(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let s = '[';
    for (let i = 0; i < value.length; i++) {
      if (i) s += ',';
      if (i in value) s += concat(value[i] ?? null);
    }
    return `${s}]`;
  }
  let s = '{';
  let first = true;
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    s += first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`;
    first = false;
    s += concat(item);
  }
  return `${s}}`;
}
export async function main() {
  const payload = { records: realisticJournal(10_000), withdrawn: [] };
  for (const [name, f] of [
    ['old', canonicalJsonOld],
    ['parts', canonicalJson],
    ['concat', concat],
    ['stringify', (v: unknown) => JSON.stringify(v)],
  ] as const) {
    const times: number[] = [];
    let out = '';
    for (let i = 0; i < 9; i++) {
      const t = performance.now();
      out = f(payload);
      new TextEncoder().encode(out);
      times.push(performance.now() - t);
    }
    console.log(name, 'min', Math.round(Math.min(...times)), out.length);
  }
  const t = performance.now();
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  const t2 = performance.now();
  await crypto.subtle.digest('SHA-256', bytes);
  console.log('encode', Math.round(t2 - t), 'digest', Math.round(performance.now() - t2));
}
