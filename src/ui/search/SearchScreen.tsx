import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { readRecords } from '../../db/searchSource';
import type { RecordFor } from '../../model/kinds';
import {
  type HitPart,
  SEARCH_KINDS,
  type SearchKind,
  type SearchLookup,
  searchSpec,
  searchTexts,
} from '../../model/searchFields';
import { formatDate } from '../components/labels';
import { useJournal } from '../journalContext';
import { formatWhen } from '../meetings/meetingLabels';
import {
  type JournalIndex,
  journalIndex,
  type SearchHit,
  type SearchResults,
  snippetOf,
} from './searchIndex';
import './search.css';

/** Hits shown per group at first, and how many more each "Show more" adds. */
export const FIRST_PAGE = 10;
export const MORE_PAGE = 50;

/** How long the address waits for typing to pause before it takes the query (results never wait). */
const ADDRESS_DELAY_MS = 300;

/** "goals, milestones and stories": the headings of the groups, as a list in words. */
const KINDS_IN_WORDS = (() => {
  const names = SEARCH_KINDS.map((kind) => searchSpec(kind).heading.toLowerCase());
  const list = `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return list.charAt(0).toUpperCase() + list.slice(1);
})();

type AnyHitRecord = RecordFor<SearchKind>;
type Meeting = RecordFor<'meeting'>;

/** A hit as shown: its link, the words under it and the text around the match. */
interface Card {
  id: string;
  title: string;
  href: string;
  context: string;
  snippet: string;
}

/**
 * The journal's index, and the version of it the screen shows: a new one each time the index says
 * it changed (the index may move on in between, while it is built; the screen follows at its pace).
 */
function useJournalIndex(journalId: string): [JournalIndex, number] {
  const index = journalIndex(journalId);
  const [version, setVersion] = useState(index.version);
  useEffect(() => {
    // Built ahead while the app was idle, it now has someone waiting for it.
    index.foreground();
    const stop = index.subscribe(() => setVersion(index.version));
    // It may have changed between the first render and now.
    setVersion(index.version);
    return stop;
  }, [index]);
  return [index, version];
}

function textOf(parts: readonly HitPart[], meetings: ReadonlyMap<string, Meeting>): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      if ('date' in part) return part.time ? `${formatDate(part.date)}, ${part.time}` : formatDate(part.date);
      const meeting = meetings.get(part.meetingOf);
      return meeting ? `Meeting ${formatWhen(meeting)}` : 'Meeting';
    })
    .join('');
}

function meetingsAskedFor(parts: readonly HitPart[]): string[] {
  return parts.flatMap((part) => (typeof part === 'object' && 'meetingOf' in part ? [part.meetingOf] : []));
}

function cardOf(
  hit: SearchHit,
  record: AnyHitRecord,
  lookup: SearchLookup,
  meetings: ReadonlyMap<string, Meeting>,
): Card {
  const spec = searchSpec(hit.kind);
  const title = textOf(spec.title(record), meetings);
  const context = [
    textOf(spec.context?.(record, lookup) ?? [], meetings),
    record.visibility === 'private' ? 'Only you can see this' : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const snippet = snippetOf(searchTexts(hit.kind, record), hit.terms, title);
  return {
    id: hit.id,
    title,
    href: spec.href(record, lookup),
    context,
    snippet: snippet === title ? '' : snippet,
  };
}

/**
 * The cards of the hits on show, read from the database (the index holds no texts). The cards of
 * the previous query stay until the new ones are read, so the list does not flicker while typing.
 */
function useCards(
  index: JournalIndex,
  version: number,
  shown: readonly SearchHit[],
): ReadonlyMap<string, Card> | undefined {
  const [cards, setCards] = useState<ReadonlyMap<string, Card>>();
  const cache = useRef<{ version: number; records: Map<string, Promise<AnyHitRecord | undefined>> }>({
    version: -1,
    records: new Map(),
  });
  const ids = shown.map((hit) => hit.id).join(' ');
  useEffect(() => {
    let cancelled = false;
    // A change to the index may be an edit of a record on show: read them again.
    if (cache.current.version !== version) cache.current = { version, records: new Map() };
    const { records } = cache.current;
    const read = (kind: SearchKind, wanted: readonly string[]) => {
      const missing = [...new Set(wanted)].filter((id) => !records.has(id));
      if (missing.length) {
        const rows = readRecords(kind, missing, index.db).then(
          (found) => new Map<string, AnyHitRecord>(found.map((record) => [record.id, record])),
        );
        for (const id of missing)
          records.set(
            id,
            rows.then((byId) => byId.get(id)),
          );
      }
      return Promise.all(wanted.map((id) => records.get(id)!));
    };
    (async () => {
      const found = await Promise.all(
        shown.map((hit) => read(hit.kind, [hit.id]).then(([record]) => record)),
      );
      const meetingIds = shown.flatMap((hit, i) => {
        const record = found[i];
        if (!record) return [];
        const spec = searchSpec(hit.kind);
        return meetingsAskedFor([...(spec.context?.(record, index) ?? []), ...spec.title(record)]);
      });
      const meetings = new Map<string, Meeting>();
      for (const meeting of await read('meeting', meetingIds))
        if (meeting) meetings.set(meeting.id, meeting as Meeting);
      if (cancelled) return;
      const next = new Map<string, Card>();
      shown.forEach((hit, i) => {
        const record = found[i];
        if (record) next.set(hit.id, cardOf(hit, record, index, meetings));
      });
      setCards(next);
    })().catch(() => {
      // A hit that cannot be read is left out; the index follows the database and will catch up.
    });
    return () => {
      cancelled = true;
    };
  }, [ids, index, version]);
  return cards;
}

/** One search box over the current journal; the query is in the address (?q=) so Back returns to it. */
export function SearchScreen() {
  const { journalId } = useJournal();
  const location = useLocation();
  const [query, setQuery] = useState(location.query.q ?? '');
  const [pages, setPages] = useState<ReadonlyMap<SearchKind, number>>(new Map());
  const [index, version] = useJournalIndex(journalId);
  const box = useRef<HTMLInputElement>(null);
  const addressTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The box takes the focus when the screen opens: people come here to type.
  useEffect(() => box.current?.focus(), []);

  // The address follows the box once typing pauses (replacing the entry, so Back leaves the search
  // screen) — and at once when a link is followed, so Back returns to this query.
  const putQueryInAddress = useRef(() => {});
  putQueryInAddress.current = () => {
    clearTimeout(addressTimer.current);
    const url = query.trim() ? `/search?q=${encodeURIComponent(query)}` : '/search';
    if (location.url !== url) location.route(url, true);
  };
  useEffect(() => {
    addressTimer.current = setTimeout(() => putQueryInAddress.current(), ADDRESS_DELAY_MS);
    return () => clearTimeout(addressTimer.current);
  }, [query]);
  useEffect(() => {
    const beforeLeaving = () => putQueryInAddress.current();
    document.addEventListener('click', beforeLeaving, true);
    return () => document.removeEventListener('click', beforeLeaving, true);
  }, []);

  const results: SearchResults = useMemo(() => index.search(query), [index, version, query]);
  const shown = useMemo(
    () => [...results.groups].flatMap(([kind, hits]) => hits.slice(0, pages.get(kind) ?? FIRST_PAGE)),
    [results, pages],
  );
  const cards = useCards(index, version, shown);
  const asked = query.trim();

  return (
    <>
      <h1>Search</h1>
      <form aria-label="Search" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="search-box">Search this journal</label>
          <p class="hint" id="search-hint">
            {`${KINDS_IN_WORDS}.`}
          </p>
          <input
            id="search-box"
            type="search"
            ref={box}
            aria-describedby="search-hint"
            value={query}
            onInput={(e) => {
              setQuery(e.currentTarget.value);
              setPages(new Map());
            }}
          />
        </div>
      </form>
      <div aria-live="polite" aria-busy={!index.ready} class="meta search-count">
        {!asked
          ? ''
          : results.total === 0
            ? // While the journal is still being read, "nothing" is not yet an answer.
              index.ready
              ? `Nothing found for “${asked}”.`
              : `Nothing found yet for “${asked}”.`
            : `${results.total} ${results.total === 1 ? 'result' : 'results'} for “${asked}”.${results.closeSpellings ? ' Nothing matched exactly: these are close spellings.' : ''}`}
      </div>
      {index.error ? (
        <p class="meta" role="alert">
          Search could not read this journal. Reload the page to try again.
        </p>
      ) : (
        asked &&
        !index.ready && (
          <p class="meta">
            {index.progress
              ? `Still reading the journal (${index.progress.taken.toLocaleString()} of ${index.progress.of.toLocaleString()} records): these are the results so far.`
              : 'Still reading the journal: these are the results so far.'}
          </p>
        )
      )}
      {[...results.groups].map(([kind, hits]) => {
        const { heading } = searchSpec(kind);
        const limit = pages.get(kind) ?? FIRST_PAGE;
        const more = Math.min(MORE_PAGE, hits.length - limit);
        return (
          <section key={kind} aria-labelledby={`hits-${kind}`}>
            <h2 id={`hits-${kind}`}>
              {heading} ({hits.length})
            </h2>
            <ul class="cards search-hits">
              {hits.slice(0, limit).map((hit) => {
                const card = cards?.get(hit.id);
                return (
                  card && (
                    <li key={hit.id} class="card">
                      <a href={card.href}>{card.title}</a>
                      {card.context && <p class="meta">{card.context}</p>}
                      {card.snippet && <p class="snippet">{card.snippet}</p>}
                    </li>
                  )
                );
              })}
            </ul>
            {more > 0 && (
              <button type="button" onClick={() => setPages(new Map(pages).set(kind, limit + MORE_PAGE))}>
                Show {more} more {heading.toLowerCase()}
              </button>
            )}
          </section>
        );
      })}
    </>
  );
}
