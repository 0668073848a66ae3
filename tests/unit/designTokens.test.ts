/**
 * One file of design tokens: src/app/tokens.css holds every colour value of the app; every other
 * CSS and TSX file under src uses its custom properties. A raw colour anywhere else (a hex value,
 * rgb()/hsl() and their kin, or a named colour such as `red` or `white`) fails this test, so a
 * screen cannot drift from the light and dark schemes, or from the states' colours.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '../../src');
const TOKENS = 'src/app/tokens.css';

/** CSS's named colours (CSS Color 4), besides transparent and currentColor, which name no colour. */
const NAMED = `aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet
brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan
darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred
darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue
dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray
green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen
lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink
lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen
linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue
mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy
oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip
peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown
seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal
thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen`.split(/\s+/);

const NAMED_RE = new RegExp(`(^|[^\\w-])(${NAMED.join('|')})(?![\\w-])`, 'i');
const HEX_RE = /#[0-9a-f]{3,8}(?![\w-])/i;
const FUNCTION_RE = /(^|[^\w-])(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i;

/** The raw colours in a CSS text: in declaration values, leaving out comments, strings and property names. */
export function rawColoursInCss(css: string): string[] {
  const found: string[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const block of text.matchAll(/\{([^{}]*)\}/g)) {
    for (const declaration of block[1]!.split(';')) {
      const colon = declaration.indexOf(':');
      if (colon < 0) continue;
      const value = declaration
        .slice(colon + 1)
        .replace(/"[^"]*"|'[^']*'/g, '""')
        .replace(/--[\w-]+/g, '');
      const hit = HEX_RE.exec(value) ?? FUNCTION_RE.exec(value) ?? NAMED_RE.exec(value);
      if (hit) found.push(declaration.trim());
    }
  }
  return found;
}

/** The raw colours in a TSX text: a string or attribute value that is a colour, or a colour function. */
export function rawColoursInTsx(tsx: string): string[] {
  const found: string[] = [];
  const literal = new RegExp(
    `(["'\`])\\s*(#[0-9a-fA-F]{3,8}|(?:rgba?|hsla?|hwb|oklch|oklab)\\([^"'\`]*\\)|${NAMED.join('|')})\\s*\\1`,
    'g',
  );
  for (const match of tsx.matchAll(literal)) {
    // A fragment link ("#add") is an address, not a colour.
    if (/href=\{?$/.test(tsx.slice(Math.max(0, match.index - 6), match.index))) continue;
    found.push(match[0]);
  }
  for (const match of tsx.matchAll(/(?:color|background|fill|stroke)\s*:\s*['"`]([^'"`]+)['"`]/gi)) {
    if (HEX_RE.test(match[1]!) || FUNCTION_RE.test(match[1]!) || NAMED_RE.test(match[1]!))
      found.push(match[0]);
  }
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

describe('design tokens', () => {
  it('finds raw colours, and only raw colours (the checker itself)', () => {
    expect(rawColoursInCss('a { color: #fff; border: 1px solid red; background: rgb(0 0 0 / 0.1) }')).toEqual(
      ['color: #fff', 'border: 1px solid red', 'background: rgb(0 0 0 / 0.1)'],
    );
    expect(rawColoursInCss('.x { fill: WHITE }')).toEqual(['fill: WHITE']);
    expect(
      rawColoursInCss(
        '/* red */ .tan:hover, a[href="#fff"] { color: var(--text); content: "red" / ""; border: 0 solid transparent; --warn-bg: var(--white-ish); box-shadow: inset 3px 0 0 currentColor; grid-area: main }',
      ),
    ).toEqual([]);
    expect(
      rawColoursInTsx(`<path fill="white" /><a href="#main" /><p style={{ color: '#123456' }} />`),
    ).toEqual(['"white"', "'#123456'", "color: '#123456'"]);
    expect(rawColoursInTsx(`<a href="#add">Green light</a> announce('Saved') const x = 'tan-ish';`)).toEqual(
      [],
    );
  });

  it(`no CSS or TSX file under src but ${TOKENS} holds a raw colour`, () => {
    const offenders: string[] = [];
    for (const path of filesUnder(SRC)) {
      const name = relative(join(SRC, '..'), path).split(sep).join('/');
      if (name === TOKENS) continue;
      if (name.endsWith('.css')) {
        for (const hit of rawColoursInCss(readFileSync(path, 'utf8'))) offenders.push(`${name}: ${hit}`);
      } else if (name.endsWith('.tsx') && !name.endsWith('.test.tsx')) {
        for (const hit of rawColoursInTsx(readFileSync(path, 'utf8'))) offenders.push(`${name}: ${hit}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the tokens file gives every colour token a dark value or derives it from one that has', () => {
    const css = readFileSync(join(SRC, 'app/tokens.css'), 'utf8');
    const [light, dark] = css.split('@media (prefers-color-scheme: dark)');
    const colourTokens = [...light!.matchAll(/(--[\w-]+):\s*(#[0-9a-f]+|rgb\([^)]*\))/gi)]
      .map((m) => m[1]!)
      .filter((name) => !name.startsWith('--print-'));
    const darkTokens = new Set([...dark!.matchAll(/(--[\w-]+):/g)].map((m) => m[1]));
    // --backdrop dims whatever is behind a dialog the same way in both schemes.
    expect(colourTokens.filter((t) => !darkTokens.has(t) && t !== '--backdrop')).toEqual([]);
  });
});
