/**
 * The bench's static server: the built app with the single-page fallback (unknown extensionless
 * paths get index.html, as the deploy notes ask of a host), plus private paths the app never uses:
 *
 *   /__bench/blank.html        an empty page: the floor of the cold start
 *   /__bench/dexie.mjs         Dexie's own module, for the import's floor (raw bulkPut)
 *   /__bench/files/<path>      the generated journal files, read by that floor
 *
 * With `gzip`, text is sent gzip-compressed with long-lived caching of hashed assets and every
 * unknown path falls back to index.html, like a static host set up as the README's Deploy section
 * asks (`npm run lighthouse`). The same handler also listens on a second loopback address
 * (127.0.0.2): another origin, so the app's service worker does not control pages served there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isFile, MIME_TYPES, underRoot } from '../tests/e2e/serving';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt']);

const BLANK =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>';

export interface BenchServer {
  /** The app's address, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** The same server at another origin (no service worker there), e.g. http://127.0.0.2:41234/ */
  otherOrigin: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** The built app (absolute path). */
  dist: string;
  /** Folder served under /__bench/files/. */
  files?: string;
  /** The repository root (for node_modules/dexie). */
  root: string;
  gzip?: boolean;
}

/** Starts the server on a free port of 127.0.0.1 (and the same port of 127.0.0.2). */
export async function startServer(options: ServerOptions): Promise<BenchServer> {
  const dist = resolve(options.dist);
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`no built app in ${dist}`);
  const gzipped = new Map<string, Buffer>();

  const send = (req: IncomingMessage, res: ServerResponse, path: string, body?: Buffer) => {
    const type = extname(path).toLowerCase();
    let data = body ?? readFileSync(path);
    const headers: Record<string, string | number> = {
      'Content-Type': MIME_TYPES[type] ?? 'application/octet-stream',
      'Cache-Control':
        options.gzip && path.includes(`${sep}assets${sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
    };
    if (options.gzip && COMPRESSIBLE.has(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
      let packed = gzipped.get(path);
      if (!packed) {
        packed = gzipSync(data, { level: 9 });
        gzipped.set(path, packed);
      }
      data = packed;
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    headers['Content-Length'] = data.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : data);
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/__bench/blank.html') return send(req, res, 'blank.html', Buffer.from(BLANK));
    if (path === '/__bench/dexie.mjs') {
      return send(req, res, join(options.root, 'node_modules/dexie/dist/dexie.mjs'));
    }
    if (path.startsWith('/__bench/files/') && options.files) {
      const file = underRoot(resolve(options.files), path.slice('/__bench/files/'.length));
      if (file && isFile(file)) return send(req, res, file);
    }
    const file = underRoot(dist, path);
    if (file && isFile(file)) return send(req, res, file);
    if (file && isFile(join(file, 'index.html'))) return send(req, res, join(file, 'index.html'));
    // A static host set up as the README asks ("unknown paths fall back to index.html") answers every
    // unknown path with the shell, robots.txt included; the bench's own server, only routes.
    if (options.gzip || extname(path) === '') return send(req, res, join(dist, 'index.html'));
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end('Not found');
  };

  const listen = (server: Server, host: string, port: number) =>
    new Promise<number>((done, fail) => {
      server.once('error', fail);
      server.listen(port, host, () => {
        server.off('error', fail);
        done((server.address() as AddressInfo).port);
      });
    });
  const first = createServer(handler);
  const port = await listen(first, '127.0.0.1', 0);
  const second = createServer(handler);
  await listen(second, '127.0.0.2', port);
  const servers = [first, second];
  return {
    url: `http://127.0.0.1:${port}/`,
    otherOrigin: `http://127.0.0.2:${port}/`,
    close: async () => {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((done) => {
              s.close(() => done());
              s.closeAllConnections();
            }),
        ),
      );
    },
  };
}
