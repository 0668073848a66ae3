/**
 * The PDF's font, DejaVu Sans, served by the app itself: Vite copies it into the build as a hashed
 * asset and the service worker precaches it, so the PDF can be made offline and no font host is
 * ever asked. Loaded only with the PDF code.
 */
import fontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';

export { fontUrl };

let cached: Promise<ArrayBuffer> | undefined;

/** The font's bytes (fetched once per page load). */
export function loadFont(): Promise<ArrayBuffer> {
  cached ??= fetch(fontUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`The PDF font could not be loaded (${response.status}).`);
      return response.arrayBuffer();
    })
    .catch((error) => {
      cached = undefined;
      throw error;
    });
  return cached;
}
