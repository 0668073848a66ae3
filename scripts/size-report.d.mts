export const BUDGET_BYTES: number;
export const GOAL_BYTES: number;
export interface InitialLoad {
  initialGzip: number;
  files: { file: string; raw: number; gzip: number }[];
}
export function measureInitialLoad(dist: string): InitialLoad;
export interface LazyChunk {
  name: string;
  chunkGzip: number;
  withImportsGzip: number;
  files: string[];
}
export function measureLazyChunk(dist: string, name: string, initial?: InitialLoad): LazyChunk | undefined;
export const REPORTED_CHUNKS: string[];
