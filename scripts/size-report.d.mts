export const BUDGET_BYTES: number;
export const GOAL_BYTES: number;
export interface InitialLoad {
  initialGzip: number;
  files: { file: string; raw: number; gzip: number }[];
}
export function measureInitialLoad(dist: string): InitialLoad;
