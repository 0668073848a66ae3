import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { HOME_SNAPSHOT_KEY, SNAPSHOT_ID } from './src/db/homeSnapshot.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** Different for every build: a Home kept by another build is not shown (db/homeSnapshot.ts). */
const BUILD_ID = process.env.BUILD_ID ?? `${pkg.version}-${Date.now().toString(36)}`;

/**
 * index.html's first script: on a cold start at `/`, the Home kept by this build today is put on
 * screen, inert, before any module has loaded; the app's root stays hidden until its own Home has
 * drawn (ui/home/homeSnapshot.ts). The same day as the app's `today()`: the device's calendar.
 */
const homeSnapshotScript = `(function(){try{var s=JSON.parse(localStorage.getItem(${JSON.stringify(
  HOME_SNAPSHOT_KEY,
)})||"null"),n=new Date(),d=new Date(n.getTime()-n.getTimezoneOffset()*6e4).toISOString().slice(0,10);if(!s||s.build!==${JSON.stringify(
  BUILD_ID,
)}||s.today!==d||location.pathname!=="/")return;var a=document.getElementById("app"),k=document.createElement("div");k.id=${JSON.stringify(SNAPSHOT_ID)};k.inert=true;k.setAttribute("aria-hidden","true");k.innerHTML=s.html;a.before(k);a.hidden=true}catch(e){}})()`;

/**
 * The app talks to no host but its own. The policy is added to the built page only: the dev
 * server injects inline scripts for hot reload that a strict policy would block. The page's one
 * inline script and its inline styles are allowed by their hashes.
 */
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const contentSecurityPolicyFor = (styles: string[]) =>
  [
    "default-src 'self'",
    "img-src 'self' data: blob:",
    ["style-src 'self'", ...styles.map(sha256)].join(' '),
    `script-src 'self' ${sha256(homeSnapshotScript)}`,
    "worker-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');

/** Adds the policy, with the hash of every style the page holds inline (see `inlineFirstStyles`). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'mentoring-journal:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
        return html.replace(
          '<meta charset="UTF-8" />',
          `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicyFor(styles)}" />`,
        );
      },
    },
  };
}

/**
 * The first load's stylesheet goes inside index.html: the page is drawn, and the kept Home shown
 * (its script would wait for a pending stylesheet), without another round trip to the service
 * worker. A disabled link to the same file stays in its place, so that Vite's loader of lazy
 * screens, which lists the file among their needs, finds it there and does not load it again.
 */
function inlineFirstStyles(): Plugin {
  return {
    name: 'mentoring-journal:inline-first-styles',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) =>
        html.replace(
          /<link rel="stylesheet" crossorigin href="\/(assets\/[^"]+\.css)">/g,
          (link, file: string) => {
            const asset = ctx.bundle?.[file];
            const css = asset?.type === 'asset' ? String(asset.source) : undefined;
            if (css === undefined || /<\/style/i.test(css)) return link;
            return `<style>${css}</style>\n    <link rel="stylesheet" crossorigin href="/${file}" disabled>`;
          },
        ),
    },
  };
}

/** Puts the kept-Home script right after the app's root, so it runs before anything else is parsed. */
function homeSnapshot(): Plugin {
  return {
    name: 'mentoring-journal:home-snapshot',
    transformIndexHtml: (html) =>
      html.replace(
        '<div id="app"></div>',
        `<div id="app"></div>\n    <script>${homeSnapshotScript}</script>`,
      ),
  };
}

/**
 * Serves the published JSON Schemas from the build, at /schemas/<name>.schema.json: the files in
 * docs/, which tests keep equal to what the zod schemas generate.
 */
function publishSchemas(): Plugin {
  const names = ['pair-file', 'committee-summary'];
  return {
    name: 'mentoring-journal:schemas',
    apply: 'build',
    generateBundle() {
      for (const name of names) {
        const fileName = `schemas/${name}.schema.json`;
        this.emitFile({
          type: 'asset',
          fileName,
          source: readFileSync(new URL(`./docs/${name}.schema.json`, import.meta.url)),
        });
      }
    },
  };
}

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(process.env.APP_VERSION ?? pkg.version),
    __BUILD_ID__: JSON.stringify(BUILD_ID),
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: process.env.OUT_DIR ?? 'dist',
    emptyOutDir: true,
    // The PDF writer (pdf-lib + fontkit, ~1.3 MB) is one lazy chunk loaded only to write a committee
    // summary; the first load is held to its own budget by scripts/size-report.mjs.
    chunkSizeWarningLimit: 1500,
  },
  // The worker that opens files (src/sync/openFile.worker.ts) is a module worker, split like the app.
  worker: { format: 'es' },
  plugins: [
    preact(),
    homeSnapshot(),
    inlineFirstStyles(),
    contentSecurityPolicy(),
    publishSchemas(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: null,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        id: './',
        name: 'Mentoring Journal',
        short_name: 'Mentoring',
        description:
          'A private journal for a library mentoring pair: goals, milestones, meetings and accomplishment stories. Works offline.',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: '#1f4e5f',
        background_color: '#f7f5f0',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // A partner's pair file (or a backup) opened from the system: desktop Chromium's "Open with" and
        // double-click (file_handlers, read by the page through window.launchQueue), and Android's share
        // sheet (share_target, answered by the service worker in public/share-target.js). Both end in
        // the import preview at /open. See docs/file-formats.md, "Opening a file from the system".
        file_handlers: [{ action: './open', accept: { 'application/json': ['.json'] } }],
        launch_handler: { client_mode: ['navigate-existing', 'auto'] },
        share_target: {
          action: './share-target',
          method: 'POST',
          enctype: 'multipart/form-data',
          params: { files: [{ name: 'files', accept: ['.json', 'application/json'] }] },
        },
        shortcuts: [
          {
            name: 'New story',
            description: 'Start writing an accomplishment story',
            url: './stories/new',
            icons: [{ src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
          {
            name: 'Start today’s meeting',
            short_name: 'Today’s meeting',
            description: 'Open meeting mode for today’s meeting',
            url: './meetings/today',
            icons: [{ src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
        ],
        // Shown by the install dialog; made from the built app (scripts/screenshots.mjs). Not precached.
        screenshots: [
          {
            src: 'screenshots/wide.png',
            sizes: '1280x800',
            type: 'image/png',
            form_factor: 'wide',
            label: 'Home: the programme, the next meeting and what is due',
          },
          {
            src: 'screenshots/narrow.png',
            sizes: '390x844',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'Home on a phone',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,ttf,woff2}'],
        // The install dialog's screenshots are fetched only by the browser's install UI.
        globIgnores: ['screenshots/**'],
        // The share target: answers Android's "Share → Mentoring Journal" POST offline (see the file).
        importScripts: ['share-target.js', 'start-routes.js'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
