import { describe, expect, test } from 'vitest';
import { pageSizeForLocale } from './pageSize';

describe('the paper size follows the region of the browser language', () => {
  test.each([
    ['en-US', 'letter'],
    ['en-CA', 'letter'],
    ['fr-CA', 'letter'],
    ['es-MX', 'letter'],
    ['fil-PH', 'letter'],
    ['en-PH', 'letter'],
    ['es-CL', 'letter'],
    ['es-CO', 'letter'],
    ['en', 'letter'],
    ['en-GB', 'a4'],
    ['en-AU', 'a4'],
    ['pl-PL', 'a4'],
    ['pl', 'a4'],
    ['es-ES', 'a4'],
    ['es', 'a4'],
    ['de-DE', 'a4'],
    ['el-GR', 'a4'],
    ['ja-JP', 'a4'],
  ] as const)('%s prints on %s', (locale, size) => {
    expect(pageSizeForLocale(locale)).toBe(size);
  });

  test('no language, or one that is not a locale, prints on A4', () => {
    expect(pageSizeForLocale(undefined)).toBe('a4');
    expect(pageSizeForLocale('')).toBe('a4');
    expect(pageSizeForLocale('not a locale!')).toBe('a4');
  });
});
