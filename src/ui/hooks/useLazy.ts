import { useEffect, useState } from 'preact/hooks';

const loaded = new Map<() => Promise<unknown>, unknown>();

/**
 * A module loaded on first use, for a part of a screen that is kept out of the first load: undefined
 * until it has arrived, then the module (at once on every later render and mount). `load` must be
 * one function defined at module level, so that it names the module.
 */
export function useLazy<T>(load: () => Promise<T>): T | undefined {
  const [module, setModule] = useState<T | undefined>(() => loaded.get(load) as T | undefined);
  useEffect(() => {
    if (module) return;
    let live = true;
    load().then((m) => {
      loaded.set(load, m);
      if (live) setModule(() => m);
    });
    return () => {
      live = false;
    };
  }, [load, module]);
  return module;
}
