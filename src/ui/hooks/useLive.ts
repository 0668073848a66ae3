import { useEffect, useState } from 'preact/hooks';
import type { Observable } from '../../db';
import type { Subscribable } from '../../db/firstLoad';

/**
 * Subscribes to a live query from src/db and re-renders when its result changes (in this tab or
 * another). Returns `undefined` until the first result arrives.
 */
export function useLive<T>(query: () => Observable<T>, deps: unknown[]): T | undefined;
export function useLive<T>(query: () => Subscribable<T>, deps: unknown[]): T | undefined;
export function useLive<T>(query: () => Subscribable<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    setValue(undefined);
    const subscription = query().subscribe({ next: setValue, error: setError });
    return () => subscription.unsubscribe();
  }, deps);
  if (error) throw error;
  return value;
}
