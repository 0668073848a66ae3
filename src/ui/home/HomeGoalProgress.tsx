import { useLazy } from '../hooks/useLazy';

const loadList = () => import('./HomeGoalProgressList');

/**
 * The active goals' progress in Home's Goals card (HomeGoalProgressList.tsx), loaded with Dexie —
 * its data comes only then — so it stays out of the first load.
 */
export function HomeGoalProgress() {
  const list = useLazy(loadList);
  return list ? <list.HomeGoalProgressList /> : null;
}
