/**
 * Words for the bench's journals: a seeded random source and sentences that read like a library
 * mentee's notes (common words often, domain words by a Zipf-like law, a few accented ones), so
 * texts have the length, vocabulary and spread of real ones and the same seed gives the same journal.
 */

/** A seeded random source (mulberry32): the same seed gives the same journal. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `count` different items (or all of them, when there are fewer). */
  some<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length)
      out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }

  /** A random 16-hex-digit device node id. */
  node(): string {
    let hex = '';
    for (let i = 0; i < 16; i++) hex += Math.floor(this.next() * 16).toString(16);
    return hex;
  }

  /** A random UUID v4 (seeded, so ids repeat with the seed). */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

const COMMON = (
  'the and to of a in we I that for with on it was is about our my this at as but be have how ' +
  'what next more it’s they their when from by so some all would could should will can did not ' +
  'one two first also then after before which who us me very much still just now there'
).split(' ');

/** Domain words, most used first: a word's weight falls with its rank. */
const DOMAIN = (
  'library mentor meeting team patrons project goal feedback budget collection community staff ' +
  'programme outreach reference catalogue director board workshop training proposal grant ' +
  'presentation colleagues manager conference digital archive services policy strategy users ' +
  'volunteers schedule review report partnership survey leadership webinar networking interview ' +
  'metadata exhibition literacy instruction students faculty children families teens branch ' +
  'circulation acquisitions cataloguing records database website newsletter event events ' +
  'storytime makerspace laptop lending desk shift supervisor council funding stakeholders ' +
  'evaluation assessment data statistics usage trends vendors licence subscriptions journals ' +
  'ebooks audiobooks podcasts recordings oral history heritage local genealogy donors friends ' +
  'advocacy committee minutes agenda timeline deadline milestones portfolio skills confidence ' +
  'delegation negotiation facilitation coaching listening writing editing design accessibility ' +
  'inclusion outreach partners schools museum university campus rural mobile bookmobile pilot ' +
  'prototype launch rollout migration upgrade system integration workflow backlog weeding ' +
  'preservation conservation digitisation scanning repository curation exhibit signage wayfinding ' +
  'displays readers clubs authors visits reading discussion technology trade shadowing observation ' +
  'résumé café naïve rôle coöperation façade déjà protégé'
).split(' ');

const DOMAIN_WEIGHTS = DOMAIN.map((_, rank) => 1 / (rank + 8));
const DOMAIN_TOTAL = DOMAIN_WEIGHTS.reduce((a, b) => a + b, 0);

function domainWord(random: Random): string {
  let x = random.next() * DOMAIN_TOTAL;
  for (let i = 0; i < DOMAIN.length; i++) {
    x -= DOMAIN_WEIGHTS[i]!;
    if (x <= 0) return DOMAIN[i]!;
  }
  return DOMAIN[DOMAIN.length - 1]!;
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** One sentence of 6–18 words. */
export function sentence(random: Random, words = random.int(6, 18)): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(random.chance(0.55) ? random.pick(COMMON) : domainWord(random));
  return `${capital(out.join(' '))}.`;
}

/** A text of about `min`–`max` words in sentences, as paragraphs of 3–6 sentences. */
export function text(random: Random, min: number, max: number): string {
  const target = random.int(min, max);
  const paragraphs: string[] = [];
  let current: string[] = [];
  let count = 0;
  while (count < target) {
    const n = Math.min(random.int(6, 18), Math.max(3, target - count));
    current.push(sentence(random, n));
    count += n;
    if (current.length >= random.int(3, 6)) {
      paragraphs.push(current.join(' '));
      current = [];
    }
  }
  if (current.length) paragraphs.push(current.join(' '));
  return paragraphs.join('\n\n');
}

/** A short line of `min`–`max` words with no full stop, for titles and list items. */
export function line(random: Random, min = 3, max = 8): string {
  const words: string[] = [];
  const n = random.int(min, max);
  for (let i = 0; i < n; i++) words.push(i % 2 ? random.pick(COMMON) : domainWord(random));
  return capital(words.join(' '));
}

const VERBS = ['Draft', 'Plan', 'Present', 'Finish', 'Review', 'Lead', 'Launch', 'Write', 'Run', 'Shadow'];

/** A title such as "Draft the outreach budget proposal". */
export function title(random: Random): string {
  return `${random.pick(VERBS)} the ${domainWord(random)} ${domainWord(random)} ${random.pick(['plan', 'proposal', 'review', 'report', 'workshop', 'pilot'])}`;
}

/** Skills a mentee names in stories (some spelled two ways, as people do). */
export const SKILLS = [
  'Public speaking',
  'Budgeting',
  'Grant writing',
  'Project management',
  'Negotiation',
  'Coaching',
  'Data analysis',
  'Cataloguing',
  'Metadata',
  'Outreach',
  'Event planning',
  'Facilitation',
  'Writing',
  'Editing',
  'Teaching',
  'Leadership',
  'Delegation',
  'Conflict resolution',
  'Accessibility',
  'Web design',
  'Collection development',
  'Partnership building',
  'Advocacy',
  'Listening',
  'Time management',
  'public speaking',
];
