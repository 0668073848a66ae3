import { useEffect, useMemo } from 'preact/hooks';
import { repo } from '../../db';
import { themeId } from '../../model/ids';
import { proposeThemes, type SkillSummary, summariseSkills, THEME_MIN_STORIES } from '../../model/themes';
import { TextArea } from '../components/fields';
import { recoverUnsaved, useAutosave } from '../hooks/useAutosave';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import './stories.css';

/** A CSS class for a bar filled to `part / whole`, in steps of 5 % (no inline styles: the CSP forbids them). */
function widthClass(part: number, whole: number): string {
  const step = whole > 0 ? Math.round((part / whole) * 20) : 0;
  return `w-${Math.max(0, Math.min(20, step))}`;
}

function storiesWord(n: number) {
  return `${n} ${n === 1 ? 'story' : 'stories'}`;
}

/** Skills and themes: which skills recur across the stories, which are enjoyed, and where they lead. */
export function ThemesScreen() {
  const { journalId } = useJournal();
  const stories = useLive(() => repo('story').live(journalId), [journalId]);
  // Skills a killed or reloaded page left unsaved count too.
  useEffect(() => void recoverUnsaved('story'), []);
  const skills = useMemo(() => summariseSkills(stories ?? []), [stories]);
  const themes = useMemo(() => proposeThemes(skills), [skills]);
  const total = stories?.length ?? 0;

  return (
    <>
      <h1>Skills and themes</h1>
      <p>
        Every skill you tag in a story shows up here. The ones that keep coming back, especially the ones you
        enjoy, are your themes: they say what you are good at and what work to look for next.
      </p>
      {stories === undefined ? (
        <p class="empty">Loading your stories…</p>
      ) : skills.length === 0 ? (
        <p class="empty">
          No skills yet. Add skills to your <a href="/stories">stories</a> and they will be gathered here.
        </p>
      ) : (
        <>
          <h2>Your themes</h2>
          {themes.length === 0 ? (
            <p class="empty">
              A skill becomes a theme once it appears in {THEME_MIN_STORIES} or more stories. Keep writing!
            </p>
          ) : (
            <ul class="cards">
              {themes.map((theme) => (
                <ThemeCard key={theme.key} theme={theme} total={total} journalId={journalId} />
              ))}
            </ul>
          )}

          <h2>All skills</h2>
          <p class="meta">
            <span class="legend-key enjoyed" aria-hidden="true" />
            enjoyed
            <span class="legend-key used legend-gap" aria-hidden="true" />
            used, out of {storiesWord(total)}
          </p>
          <ul class="skill-bars">
            {skills.map((skill) => (
              <li key={skill.key}>
                <SkillBar skill={skill} total={total} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function SkillBar({ skill, total, named = true }: { skill: SkillSummary; total: number; named?: boolean }) {
  return (
    <>
      <div class="skill-bar-label">
        {named && <span>{skill.name}</span>}
        <span class="meta">
          {storiesWord(skill.count)}
          {skill.enjoyedCount > 0 && `, enjoyed in ${skill.enjoyedCount}`}
        </span>
      </div>
      <div class="bar" aria-hidden="true">
        <span class={`bar-enjoyed ${widthClass(skill.enjoyedCount, total)}`} />
        <span class={`bar-fill ${widthClass(skill.count - skill.enjoyedCount, total)}`} />
      </div>
    </>
  );
}

function ThemeCard({ theme, total, journalId }: { theme: SkillSummary; total: number; journalId: string }) {
  return (
    <li class="card theme-card">
      <h3>{theme.name}</h3>
      <SkillBar skill={theme} total={total} named={false} />
      <p class="meta">In these stories:</p>
      <ul class="story-links">
        {theme.stories.map((s) => (
          <li key={s.id}>
            <a href={`/stories/${s.id}`}>{s.title}</a>
          </li>
        ))}
      </ul>
      <JobsAndPlaces journalId={journalId} skillKey={theme.key} skillName={theme.name} />
    </li>
  );
}

/** "Jobs and places that use these skills", kept in the theme record (created on the first edit). */
function JobsAndPlaces({
  journalId,
  skillKey,
  skillName,
}: {
  journalId: string;
  skillKey: string;
  skillName: string;
}) {
  const id = themeId(journalId, skillKey);
  const { record, values, set } = useAutosave('theme', id, {
    create: (changes) => repo('theme').create(journalId, { skill: skillKey, ...changes }, { id }),
  });

  return (
    <TextArea
      label={`Jobs and places that use ${skillName}`}
      hint="Which roles, kinds of library or other workplaces call for this? Where would you like to use it?"
      value={record && !record.deleted ? record.jobsAndPlaces : values.jobsAndPlaces}
      rows={3}
      onInput={(value) => set('jobsAndPlaces', value)}
    />
  );
}
