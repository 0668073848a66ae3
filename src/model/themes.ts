/**
 * Skills and themes: what recurs across the mentee's stories. Pure functions over story records,
 * so they can be tested without a database.
 */

/** The parts of a story this needs. */
export interface StoryForThemes {
  id: string;
  title?: string;
  /** When the story was started: ties between spellings go to the earliest story. */
  createdAt?: string;
  skills?: readonly { name: string; enjoyed: boolean }[];
  deleted?: boolean;
}

/** One skill across all stories. */
export interface SkillSummary {
  /** Lower case, surrounding spaces removed, inner runs of spaces made one: the key two spellings share. */
  key: string;
  /** The spelling used most often (a tie goes to the spelling of the earliest story). */
  name: string;
  /** How many stories use it. */
  count: number;
  /** How many of those stories mark it "I enjoyed using this". */
  enjoyedCount: number;
  /** The stories it appears in, earliest first. */
  stories: { id: string; title: string }[];
}

/** A skill's name as compared: without case and surrounding spaces. */
export function normaliseSkill(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A theme is a skill that appears in at least this many stories. */
export const THEME_MIN_STORIES = 2;

/**
 * Every skill used in the (live) stories, most used first, then most enjoyed, then by name. A
 * skill listed twice in one story counts once for it (enjoyed if either mark says so).
 */
export function summariseSkills(stories: readonly StoryForThemes[]): SkillSummary[] {
  const byKey = new Map<
    string,
    { spellings: Map<string, number>; stories: { id: string; title: string }[]; enjoyed: Set<string> }
  >();
  // Timestamps (ISO 8601) compare as text; a collator would cost a hundred times more per story.
  const ordered = [...stories].sort((a, b) => {
    const at = a.createdAt ?? '';
    const bt = b.createdAt ?? '';
    return at < bt ? -1 : at > bt ? 1 : 0;
  });
  for (const story of ordered) {
    if (story.deleted) continue;
    const seenHere = new Set<string>();
    for (const skill of story.skills ?? []) {
      const key = normaliseSkill(skill.name);
      if (!key) continue;
      let entry = byKey.get(key);
      if (!entry) {
        entry = { spellings: new Map(), stories: [], enjoyed: new Set() };
        byKey.set(key, entry);
      }
      const spelling = skill.name.trim().replace(/\s+/g, ' ');
      entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1);
      if (!seenHere.has(key)) {
        seenHere.add(key);
        entry.stories.push({ id: story.id, title: story.title?.trim() || 'Untitled story' });
      }
      if (skill.enjoyed) entry.enjoyed.add(story.id);
    }
  }
  const summaries: SkillSummary[] = [];
  for (const [key, entry] of byKey) {
    let name = '';
    let best = 0;
    for (const [spelling, count] of entry.spellings) {
      if (count > best) {
        name = spelling;
        best = count;
      }
    }
    summaries.push({
      key,
      name,
      count: entry.stories.length,
      enjoyedCount: entry.enjoyed.size,
      stories: entry.stories,
    });
  }
  return summaries.sort(
    (a, b) => b.count - a.count || b.enjoyedCount - a.enjoyedCount || a.key.localeCompare(b.key),
  );
}

/** The skills proposed as themes: those in two or more stories. */
export function proposeThemes(summaries: readonly SkillSummary[]): SkillSummary[] {
  return summaries.filter((s) => s.count >= THEME_MIN_STORIES);
}

/** Skill names used in stories, for suggestions while tagging (most used first), without `except`. */
export function skillSuggestions(
  stories: readonly StoryForThemes[],
  except: readonly string[] = [],
): string[] {
  const skip = new Set(except.map(normaliseSkill));
  return summariseSkills(stories)
    .filter((s) => !skip.has(s.key))
    .map((s) => s.name);
}
