import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/** How many items a long list shows at first, and adds with each "Show more". */
export const PAGE_SIZE = 50;

export interface Paging<E extends HTMLElement> {
  /** How many items to show. */
  limit: number;
  /** Put on the list element (ul/ol) whose items are paged: the first new item gets focus. */
  listRef: RefObject<E | null>;
  /** Shows the next page and moves focus to its first item. */
  showMore: () => void;
  /** Shows pages up to the item at `index` (no focus move: the caller moves it). */
  reveal: (index: number) => void;
}

/**
 * Paging for a long list: the first page, then a page more per "Show more". Whenever `resetKey`
 * changes (a filter, a sort), the list starts again from its first page. After "Show more", focus
 * moves to the first newly shown item, so a keyboard or screen-reader user reads on from there.
 */
export function usePaging<E extends HTMLElement = HTMLUListElement>(resetKey: string = ''): Paging<E> {
  const [state, setState] = useState({ key: resetKey, limit: PAGE_SIZE });
  const limit = state.key === resetKey ? state.limit : PAGE_SIZE;
  const listRef = useRef<E>(null);
  const focusAt = useRef<number | undefined>(undefined);

  useLayoutEffect(() => {
    const index = focusAt.current;
    if (index === undefined) return;
    focusAt.current = undefined;
    const item = listRef.current?.children[index] as HTMLElement | undefined;
    if (!item) return;
    if (!item.hasAttribute('tabindex')) item.setAttribute('tabindex', '-1');
    item.focus();
  }, [limit]);

  const showMore = () => {
    focusAt.current = limit;
    setState({ key: resetKey, limit: limit + PAGE_SIZE });
  };
  const reveal = (index: number) => {
    if (index < limit) return;
    setState({ key: resetKey, limit: Math.ceil((index + 1) / PAGE_SIZE) * PAGE_SIZE });
  };
  return { limit, listRef, showMore, reveal };
}

/**
 * The button under a paged list: "Show 50 more stories (120 not shown)", or "Show 3 more stories"
 * for the last page. Nothing when every item is shown. `noun` names one item and several
 * ("past meeting", "past meetings"), so that two lists on one screen have buttons told apart.
 */
export function ShowMore({
  shown,
  total,
  noun,
  onMore,
}: {
  shown: number;
  total: number;
  noun: readonly [one: string, many: string];
  onMore: () => void;
}) {
  const hidden = total - shown;
  if (hidden <= 0) return null;
  const next = Math.min(PAGE_SIZE, hidden);
  return (
    <div class="actions show-more">
      <button type="button" onClick={onMore}>
        Show {next} more {next === 1 ? noun[0] : noun[1]}
        {hidden > next && ` (${hidden} not shown)`}
      </button>
    </div>
  );
}
