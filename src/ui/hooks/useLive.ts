import { useEffect, useState } from 'preact/hooks';
import type { Observable } from '../../db';

/** The result a live query already holds (a kept list read model does, see src/db/keptQuery.ts). */
function heldValue<T>(observable: Observable<T>): T | undefined {
  return observable.hasValue?.() ? observable.getValue?.() : undefined;
}

/**
 * Subscribes to a live query from src/db and re-renders when its result changes (in this tab or
 * another). Returns `undefined` until the first result arrives — or, for a query that already
 * holds its result, that result from the first render.
 */
export function useLive<T>(query: () => Observable<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(() => heldValue(query()));
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    const observable = query();
    setValue(heldValue(observable));
    const subscription = observable.subscribe({ next: setValue, error: setError });
    return () => subscription.unsubscribe();
  }, deps);
  if (error) throw error;
  return value;
}
