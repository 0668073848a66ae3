import { writeFile } from '../../src/sync/envelope';
import { realisticJournal } from '../../src/sync/testing';
export async function main() {
  const { text } = await writeFile({
    kind: 'pair',
    appVersion: 'm',
    exportedAt: '2027-01-01T00:00:00.000Z',
    journalIds: ['j'],
    payload: { records: realisticJournal(10_000) },
  });
  const variants: [string, (t: string) => boolean][] = [
    [
      '4 includes',
      (t) =>
        t.includes('\\u') ||
        t.includes('"__proto__"') ||
        t.includes('"constructor"') ||
        t.includes('"prototype"'),
    ],
    [
      'no quotes',
      (t) =>
        t.includes('\\u') || t.includes('__proto__') || t.includes('constructor') || t.includes('prototype'),
    ],
    ['regex', (t) => /\\u|"(?:__proto__|constructor|prototype)"/.test(t)],
    ['regex2', (t) => /\\u|__proto__|constructor|prototype/.test(t)],
    [
      'tail first',
      (t) =>
        t.includes('\\u') || t.includes('_proto__"') || t.includes('structor"') || t.includes('ototype"'),
    ],
  ];
  for (const [name, f] of variants) {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const s = performance.now();
      f(text);
      times.push(performance.now() - s);
    }
    console.log(name, Math.round(Math.min(...times)), f(text));
  }
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    JSON.parse(text);
    times.push(performance.now() - s);
  }
  console.log('parse', Math.round(Math.min(...times)));
  const bytes = new TextEncoder().encode(text);
  const t2: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    t2.push(performance.now() - s);
  }
  console.log('decode', Math.round(Math.min(...t2)));
  const t3: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    await new Response(bytes).json();
    t3.push(performance.now() - s);
  }
  console.log('Response.json', Math.round(Math.min(...t3)));
}
