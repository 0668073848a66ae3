// Entry point of `npm run bench` and `npm run lighthouse`: loads bench/<name>.ts (main by default)
// through Vite's SSR module loader, so the bench is TypeScript and makes its journals and files with
// the app's own modules (src/model, src/sync) exactly as they are, then calls its main().
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const name = process.argv[2] ?? 'main';

const vite = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  define: { __APP_VERSION__: JSON.stringify('bench') },
  server: { middlewareMode: true, hmr: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
});
let code = 0;
try {
  const entry = await vite.ssrLoadModule(`/bench/${name}.ts`);
  await entry.main(process.argv.slice(3));
} catch (error) {
  console.error(error);
  code = 1;
} finally {
  await vite.close();
}
process.exit(code);
