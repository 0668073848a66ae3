import { useEffect, useState } from 'preact/hooks';
import type { Observable } from '../../db';
import type { Subscribable } from '../../db/firstLoad';

/** A live query that may already hold its result (Dexie's kept list read models do, see src/db/keptQuery.ts). */
type MaybeHolding<T> = Subscribable<T> & { hasValue?: () => boolean; getValue?: () => T };

/** The result a live query already holds, if any. */
function heldValue<T>(observable: MaybeHolding<T>): T | undefined {
  return observable.hasValue?.() ? observable.getValue?.() : undefined;
}

/**
 * Subscribes to a live query from src/db and re-renders when its result changes (in this tab or
 * another). Returns `undefined` until the first result arrives — or, for a query that already
 * holds its result, that result from the first render.
 */
export function useLive<T>(query: () => Observable<T>, deps: unknown[]): T | undefined;
export function useLive<T>(query: () => Subscribable<T>, deps: unknown[]): T | undefined;
export function useLive<T>(query: () => MaybeHolding<T>, deps: unknown[]): T | undefined {
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
