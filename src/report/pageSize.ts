/** The paper sizes the committee summary prints on, and which one a person's region uses. */

export type PageSize = 'a4' | 'letter';

/** Width and height in PDF points (1/72 inch). */
export const PAGE_SIZES: Record<PageSize, { width: number; height: number; label: string }> = {
  a4: { width: 595.28, height: 841.89, label: 'A4' },
  letter: { width: 612, height: 792, label: 'US Letter' },
};

/**
 * Regions whose printers take US Letter (CLDR's paper-size data: the United States and Canada,
 * Mexico, the Philippines, and Central and South American countries that follow them).
 */
const LETTER_REGIONS = new Set([
  'US',
  'CA',
  'MX',
  'PH',
  'PR',
  'BZ',
  'CL',
  'CO',
  'CR',
  'GT',
  'NI',
  'PA',
  'SV',
  'VE',
]);

/**
 * The paper size of a locale's region: `en-US`, `es-MX`, `fil-PH` → Letter; `pl-PL`, `en-GB` → A4.
 * A locale without a region takes its language's likely region (`en` → US), so a bare `en` is
 * Letter and a bare `pl` A4; anything unreadable is A4, the size of most of the world.
 */
export function pageSizeForLocale(locale: string | undefined): PageSize {
  if (!locale) return 'a4';
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region && LETTER_REGIONS.has(region) ? 'letter' : 'a4';
  } catch {
    return 'a4';
  }
}
