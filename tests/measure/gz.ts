import { gzipSync } from 'node:zlib';
import { realisticJournal } from '../../src/sync/testing';
export async function main() {
  const text = JSON.stringify({ records: realisticJournal(10_000) });
  const bytes = new TextEncoder().encode(text);
  for (const level of [1, 6, 9]) {
    const t = performance.now();
    const gz = gzipSync(bytes, { level });
    console.log(
      level,
      (bytes.length / 2 ** 20).toFixed(1),
      'MB →',
      (gz.length / 2 ** 20).toFixed(2),
      'MB',
      (bytes.length / gz.length).toFixed(1),
      'x',
      Math.round(performance.now() - t),
      'ms',
    );
  }
  const t = performance.now();
  const s = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  const out = await new Response(s).arrayBuffer();
  console.log(
    'CompressionStream',
    (out.byteLength / 2 ** 20).toFixed(2),
    Math.round(performance.now() - t),
    'ms',
  );
}
