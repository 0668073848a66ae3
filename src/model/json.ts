/**
 * JSON values compared as data: the same answer as comparing their canonical JSON (keys sorted,
 * src/sync/canonical.ts), without writing either. Key order never makes two values differ, so a
 * list element read from a file (keys in canonical order) equals the same element as a screen
 * wrote it.
 */

/** Values canonical JSON writes as `null`: null, undefined, NaN, ±Infinity, functions, symbols. */
function writesNull(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    typeof value === 'function' ||
    typeof value === 'symbol' ||
    (typeof value === 'number' && !Number.isFinite(value))
  );
}

/**
 * Do two values have the same canonical JSON? The same answer as comparing `canonicalJson(a)` and
 * `canonicalJson(b)`, without writing either: a structural comparison that stops at the first
 * difference (key order ignored, object fields holding `undefined` left out, 0 and -0 alike, every
 * value JSON writes as `null` alike). Property-tested against the comparison of the texts.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (writesNull(a) || writesNull(b)) return writesNull(a) && writesNull(b);
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  const list = Array.isArray(a);
  if (list !== Array.isArray(b)) return false;
  if (list) {
    const x = a as unknown[];
    const y = b as unknown[];
    // One hole and nothing are both written `[]`.
    if (x.length !== y.length) return x.length + y.length === 1 && !(0 in x) && !(0 in y);
    for (let i = 0; i < x.length; i++) {
      // A hole in an array is written as nothing at all, unlike any value.
      const hole = !(i in x);
      if (hole !== !(i in y)) return false;
      if (!hole && !sameJson(x[i] ?? null, y[i] ?? null)) return false;
    }
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let defined = 0;
  for (const key of Object.keys(x)) {
    const value = x[key];
    if (value === undefined) continue;
    defined += 1;
    if (!Object.prototype.propertyIsEnumerable.call(y, key)) return false;
    const other = y[key];
    if (other === undefined || !sameJson(value, other)) return false;
  }
  for (const key of Object.keys(y)) if (y[key] !== undefined) defined -= 1;
  return defined === 0;
}
