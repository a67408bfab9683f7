import fs from 'node:fs';
import path from 'node:path';
import { ROLE_LABELS } from '@shared/core/roles';
import { PERSONAS } from '../../host/demo';

const ROOT = path.resolve(__dirname, '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const DOCS = fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md'));

describe('the README', () => {
  it('names every demo persona with the name and role label the app shows', () => {
    for (const p of PERSONAS) expect(README).toContain(`| \`${p._id}\` | ${p.name} · ${ROLE_LABELS[p.roles[0]]}`);
  });

  it('points to nothing outside the repository: no web links but the local host, no paths that leave it', () => {
    for (const [name, text] of [['README.md', README], ...DOCS.map((f) => [f, fs.readFileSync(path.join(ROOT, 'docs', f), 'utf8')])]) {
      const links = [...text.matchAll(/https?:\/\/[^\s)`'"]+/g)].map((m) => m[0]).filter((u) => !/^https?:\/\/(127\.0\.0\.1|localhost)\b/.test(u))
        // an endpoint the deployer calls is not a page to read elsewhere
        .filter((u) => !/^https:\/\/api\.weixin\.qq\.com\//.test(u));
      expect([name, links]).toEqual([name, []]);
      expect([name, text.match(/\.\.\/shared\/|DOMAIN\.md|seeds\//g)]).toEqual([name, null]);
    }
  });

  it('says what the first run does and how long it takes, and where the business rules are', () => {
    for (const words of ['npm install', 'better-sqlite3', 'C/C++ toolchain', 'build:h5', 'minutes', 'docs/rules.md']) expect(README).toContain(words);
    expect(fs.existsSync(path.join(ROOT, 'docs', 'rules.md'))).toBe(true);
  });

  it('tells the follow-up story in a way that works at any hour: the clock moves to the next contact window', () => {
    expect(README).toContain('{"toContactWindow": true}');
  });
});
