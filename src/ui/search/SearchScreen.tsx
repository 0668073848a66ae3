import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { repo } from '../../db';
import { KIND_NAMES, kindInfo } from '../../model/registry';
import { formatDate } from '../components/labels';
import { useLive } from '../hooks/useLive';
import { useJournal } from '../journalContext';
import { formatWhen } from '../meetings/meetingLabels';
import { entry, type HitKind, type SearchEntry, search } from './searchIndex';
import './search.css';

/** The groups of hits, in the registry's order: every kind the registry gives a search heading. */
const GROUPS: { kind: HitKind; heading: string }[] = KIND_NAMES.flatMap((kind) => {
  const heading = kindInfo(kind).searchHeading;
  return heading ? [{ kind: kind as HitKind, heading }] : [];
});

/** Most hits shown per group before "more" (keeps a broad query on a big journal quick to show). */
const GROUP_LIMIT = 50;

/** Everything searchable in the journal, kept current as records change. */
function useSearchEntries(journalId: string): SearchEntry[] | undefined {
  const goals = useLive(() => repo('goal').live(journalId), [journalId]);
  const milestones = useLive(() => repo('milestone').live(journalId), [journalId]);
  const meetings = useLive(() => repo('meeting').live(journalId), [journalId]);
  const agenda = useLive(() => repo('agendaItem').live(journalId), [journalId]);
  const actions = useLive(() => repo('actionItem').live(journalId), [journalId]);
  const notes = useLive(() => repo('note').live(journalId), [journalId]);
  const stories = useLive(() => repo('story').live(journalId), [journalId]);

  return useMemo(() => {
    if (!goals || !milestones || !meetings || !agenda || !actions || !notes || !stories) return undefined;
    const meetingById = new Map(meetings.map((m) => [m.id, m]));
    const meetingContext = (id: string | undefined) => {
      const m = id ? meetingById.get(id) : undefined;
      return m ? `Meeting ${formatWhen(m)}` : 'Meeting';
    };
    const meetingSort = (id: string | undefined) => meetingById.get(id ?? '')?.date ?? '';
    const list: SearchEntry[] = [];
    for (const g of goals)
      list.push(
        entry({
          kind: 'goal',
          id: g.id,
          title: g.title?.trim() || 'Untitled goal',
          href: `/goals/${g.id}`,
          texts: [
            g.title,
            g.description,
            g.whyItMatters,
            g.successCriteria,
            g.gapNow,
            g.gapTarget,
            g.gapBridge,
          ],
          sortKey: g.createdAt,
        }),
      );
    for (const m of milestones)
      list.push(
        entry({
          kind: 'milestone',
          id: m.id,
          title: m.title?.trim() || 'Untitled milestone',
          href: m.goalId && goals.some((g) => g.id === m.goalId) ? `/goals/${m.goalId}` : '/milestones',
          context: m.dueDate ? `Due ${formatDate(m.dueDate)}` : undefined,
          texts: [m.title, m.evidence],
          sortKey: m.dueDate ?? '',
        }),
      );
    for (const m of meetings)
      list.push(
        entry({
          kind: 'meeting',
          id: m.id,
          title: `Meeting ${formatWhen(m)}`,
          href: `/meetings/${m.id}`,
          texts: [m.place, m.sharedNotes, m.nextTopics, m.summary],
          sortKey: m.date ?? '',
        }),
      );
    for (const a of agenda)
      list.push(
        entry({
          kind: 'agendaItem',
          id: a.id,
          title: a.text?.trim() || 'Untitled point',
          href: `/meetings/${a.meetingId}`,
          context: meetingContext(a.meetingId),
          texts: [a.text],
          sortKey: meetingSort(a.meetingId),
        }),
      );
    // An open action carried into a later meeting lives on there; its first copy says so.
    const carriedOn = new Set(actions.filter((a) => a.carriedFromId).map((a) => a.carriedFromId));
    for (const a of actions)
      list.push(
        entry({
          kind: 'actionItem',
          id: a.id,
          title: a.text?.trim() || 'Untitled action',
          href: `/meetings/${a.meetingId}`,
          context: [
            meetingContext(a.meetingId),
            a.done ? 'Done' : carriedOn.has(a.id) ? 'Carried to a later meeting' : 'Open',
          ].join(' · '),
          texts: [a.text],
          sortKey: meetingSort(a.meetingId),
        }),
      );
    for (const n of notes) {
      const href =
        n.parentKind === 'meeting'
          ? `/meetings/${n.parentId}`
          : n.parentKind === 'goal'
            ? `/goals/${n.parentId}`
            : n.parentKind === 'story'
              ? `/stories/${n.parentId}`
              : '/';
      const where = n.parentKind === 'meeting' ? meetingContext(n.parentId) : undefined;
      list.push(
        entry({
          kind: 'note',
          id: n.id,
          title: n.visibility === 'private' ? 'Private note' : 'Note',
          href,
          context: [where, n.visibility === 'private' ? 'Only you can see this' : undefined]
            .filter(Boolean)
            .join(' · '),
          texts: [n.text],
          sortKey: n.createdAt,
        }),
      );
    }
    for (const s of stories)
      list.push(
        entry({
          kind: 'story',
          id: s.id,
          title: s.title?.trim() || 'Untitled story',
          href: `/stories/${s.id}`,
          texts: [s.title, s.problem, s.action, s.result, s.soWhat, s.short],
          sortKey: s.date ?? s.createdAt,
        }),
      );
    return list;
  }, [goals, milestones, meetings, agenda, actions, notes, stories]);
}

/** One search box over the current journal; the query is in the address (?q=) so Back returns to it. */
export function SearchScreen() {
  const { journalId } = useJournal();
  const location = useLocation();
  const [query, setQuery] = useState(location.query.q ?? '');
  const entries = useSearchEntries(journalId);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [deferred, setDeferred] = useState(query);
  const box = useRef<HTMLInputElement>(null);

  // The box takes the focus when the screen opens: people come here to type.
  useEffect(() => box.current?.focus(), []);

  // Keep the address in step with the box, replacing the entry so Back leaves the search screen.
  useEffect(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setDeferred(query);
      const url = query.trim() ? `/search?q=${encodeURIComponent(query)}` : '/search';
      if (location.url !== url) location.route(url, true);
    }, 150);
    return () => clearTimeout(timer.current);
  }, [query]);

  const groups = useMemo(() => (entries ? search(entries, deferred) : undefined), [entries, deferred]);
  const total = groups ? [...groups.values()].reduce((n, list) => n + list.length, 0) : 0;

  return (
    <>
      <h1>Search</h1>
      <form aria-label="Search" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="search-box">Search this journal</label>
          <p class="hint" id="search-hint">
            Goals, milestones, meetings, agenda points, action items, notes and stories.
          </p>
          <input
            id="search-box"
            type="search"
            ref={box}
            aria-describedby="search-hint"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </div>
      </form>
      <div aria-live="polite" class="meta search-count">
        {!deferred.trim()
          ? ''
          : !groups
            ? 'Searching…'
            : total === 0
              ? `Nothing found for “${deferred.trim()}”.`
              : `${total} ${total === 1 ? 'result' : 'results'} for “${deferred.trim()}”.`}
      </div>
      {groups &&
        GROUPS.filter((g) => groups.has(g.kind)).map((g) => {
          const hits = groups.get(g.kind)!;
          return (
            <section key={g.kind} aria-labelledby={`hits-${g.kind}`}>
              <h2 id={`hits-${g.kind}`}>
                {g.heading} ({hits.length})
              </h2>
              <ul class="cards search-hits">
                {hits.slice(0, GROUP_LIMIT).map((hit) => (
                  <li key={hit.entry.id} class="card">
                    <a href={hit.entry.href}>{hit.entry.title}</a>
                    {hit.entry.context && <p class="meta">{hit.entry.context}</p>}
                    {hit.snippet && hit.snippet !== hit.entry.title && <p class="snippet">{hit.snippet}</p>}
                  </li>
                ))}
              </ul>
              {hits.length > GROUP_LIMIT && (
                <p class="meta">
                  {hits.length - GROUP_LIMIT} more not shown: add a word to narrow the search.
                </p>
              )}
            </section>
          );
        })}
    </>
  );
}
