// Runs one measuring module of tests/measure in Node (not part of any test run): vite loads the
// TypeScript sources as they are; IndexedDB is fake-indexeddb's. Usage: node tests/measure/run.mjs tests/measure/pdf.ts [args…]
import 'fake-indexeddb/auto';
import { createServer } from 'vite';

const [, , path, ...args] = process.argv;
if (!path) throw new Error('Usage: node tests/measure/run.mjs tests/measure/<name>.ts [args…]');
const server = await createServer({
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false },
  define: { __APP_VERSION__: JSON.stringify('measure') },
  optimizeDeps: { noDiscovery: true },
});
try {
  const module = await server.ssrLoadModule(`/${path.replace(/^\.?\//, '')}`);
  await module.main(args);
} finally {
  await server.close();
}
