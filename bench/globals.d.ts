// The in-page instrument of the bench (bench/probe.js), as the bench's TypeScript sees it.
export {};

declare global {
  interface Window {
    __bench: {
      state: {
        keys: number[];
        fileChosenAt?: number;
        downloads: { name: string; size: number | null; at: number }[];
        homeAt?: number;
        liveHomeAt?: number;
        loadAt?: number;
      };
    };
  }
}
