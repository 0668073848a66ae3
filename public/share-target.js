// The share target (Web Share Target level 2), run inside the service worker: Workbox's generated
// sw.js loads this file first with importScripts (vite.config.ts, workbox.importScripts), so this
// fetch listener sees requests before Workbox's router, which answers GET requests only.
//
// Android's "Share → Mentoring Journal" sends the file as a multipart/form-data POST to
// ./share-target (manifest share_target, parameter `files`). There is no server to receive it: this
// worker answers the POST itself, offline too. It keeps the first file in Cache Storage
// (cache `mj-shared-files`, key ./shared-file, the file's name in the X-File-Name header) until the
// page takes it, and redirects (303) to ./open?shared=1, where the app opens it in the import
// preview (src/ui/share/incomingFile.ts). Nothing is imported until the person says so there.
//
// Plain script, not a module: it runs before Workbox in a classic service worker.

const SHARE_CACHE = 'mj-shared-files';
const scope = new URL(self.registration.scope);
const SHARE_PATH = new URL('share-target', scope).pathname;

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'POST' || new URL(request.url).pathname !== SHARE_PATH) return;
  event.respondWith(keepSharedFile(request));
});

/** Keeps the shared file for the page and sends the browser to the page that opens it. */
async function keepSharedFile(request) {
  const open = new URL('open', scope);
  try {
    const form = await request.formData();
    const files = form.getAll('files').filter((value) => typeof value !== 'string');
    const file = files[0];
    if (!file) {
      open.searchParams.set('shared', 'none');
    } else {
      const cache = await caches.open(SHARE_CACHE);
      await cache.put(
        new URL('shared-file', scope).href,
        new Response(file, {
          headers: {
            'Content-Type': file.type || 'application/json',
            'X-File-Name': encodeURIComponent(file.name || 'shared-file.json'),
            'X-File-Count': String(files.length),
          },
        }),
      );
      open.searchParams.set('shared', '1');
    }
  } catch {
    // A body that is not form data, or storage that is full: the page says the file did not arrive.
    open.searchParams.set('shared', 'failed');
  }
  return Response.redirect(open.href, 303);
}
