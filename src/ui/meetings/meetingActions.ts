/** The next free position at the end of a list ordered by `order`. */
export function nextOrder(items: readonly { order?: number }[]): number {
  return items.reduce((max, item) => Math.max(max, (item.order ?? 0) + 1), 0);
}

/** Orders agenda or action items by position, then by when they were made. */
export function byOrder<T extends { order?: number; createdAt: string; id: string }>(a: T, b: T): number {
  return (
    (a.order ?? 0) - (b.order ?? 0) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)
  );
}
