/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/preact" />

/** The version from package.json, injected at build time. */
declare const __APP_VERSION__: string;

/** Different for every build: what the kept Home (db/homeSnapshot.ts) was drawn by. */
declare const __BUILD_ID__: string;
