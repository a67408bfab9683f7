import fs from 'node:fs';
import path from 'node:path';

/**
 * WeUI asks for tap targets at least 44 px tall and text at least 12 px. The styles are written for a
 * 750-wide design that Taro scales to the screen (375 px wide on a phone: half), so in the scss that is
 * 88px and 24px. This reads every stylesheet of the client and fails on a smaller value.
 */
const ROOT = path.resolve(__dirname, '../../client/src');
const MIN_FONT = 24;
const MIN_TAP = 88;
/** classes people tap: buttons, chips, choices, list cells and options, steppers, score chips */
const TAPPABLE = /(btn|chip|choice|cell|option|stepper|__tap|persona|entry)/;

function stylesheets(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return stylesheets(p);
    return e.name.endsWith('.scss') ? [p] : [];
  });
}

const tokens = fs.readFileSync(path.join(ROOT, 'styles/_tokens.scss'), 'utf8');
const VARS = new Map([...tokens.matchAll(/^\$([\w-]+):\s*(\d+)px;/gm)].map((m) => [m[1], Number(m[2])]));

/** A length in design px ('26px', '$font-s'), or null when it is something else (1PX hairlines, %, auto). */
function px(value: string): number | null {
  const v = value.trim();
  const literal = /^(\d+(?:\.\d+)?)px$/.exec(v);
  if (literal) return Number(literal[1]);
  const variable = /^\$([\w-]+)$/.exec(v);
  return variable ? (VARS.get(variable[1]) ?? null) : null;
}

/** Every innermost `selector { declarations }` block of a stylesheet, comments removed. */
function rules(css: string): { selector: string; decls: [string, string][] }[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...text.matchAll(/([^{};]+)\{([^{}]*)\}/g)].map((m) => ({
    selector: m[1].trim(),
    decls: m[2].split(';').flatMap((d) => {
      const i = d.indexOf(':');
      return i > 0 ? [[d.slice(0, i).trim(), d.slice(i + 1).trim()] as [string, string]] : [];
    }),
  }));
}

function tooSmall(): { text: string[]; taps: string[] } {
  const text: string[] = [];
  const taps: string[] = [];
  for (const file of stylesheets(ROOT)) {
    const where = path.relative(ROOT, file);
    for (const r of rules(fs.readFileSync(file, 'utf8'))) {
      for (const [prop, value] of r.decls) {
        const n = px(value);
        if (n === null) continue;
        if (prop === 'font-size' && n < MIN_FONT) text.push(`${where} ${r.selector} font-size ${value}`);
        if (prop === 'min-height' && TAPPABLE.test(r.selector) && !/__(sub|img|icon|dot)/.test(r.selector) && n < MIN_TAP) taps.push(`${where} ${r.selector} min-height ${value}`);
      }
    }
  }
  return { text, taps };
}

describe('tap targets and text sizes (WeUI)', () => {
  it('reads the design tokens it checks against', () => {
    expect(VARS.get('font-xs')).toBeDefined();
    expect(stylesheets(ROOT).length).toBeGreaterThan(5);
  });

  it('no text is smaller than 12 px (24px in the 750 design)', () => {
    expect(tooSmall().text).toEqual([]);
  });

  it('every tap target is at least 44 px tall (88px in the 750 design)', () => {
    expect(tooSmall().taps).toEqual([]);
  });

  it('catches a value that is too small', () => {
    const css = '.chip { min-height: 72px; font-size: $font-xs; }';
    const [r] = rules(css);
    expect(r.decls).toEqual([['min-height', '72px'], ['font-size', '$font-xs']]);
    expect(px('20px')).toBe(20);
    expect(px('1PX')).toBeNull();
  });
});
