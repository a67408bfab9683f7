/**
 * The lines lint holds (eslint.config.mjs), each shown to fail on a deliberate violation and to pass
 * on a clean file. Each snippet is linted with the ESLint Node API (`lintText`) as if it were at the
 * given path. An import cycle needs its other side on disk, so those probes are written to a temporary
 * folder in shared/ that afterAll removes.
 *
 * ESLint loads eslint.config.mjs with a dynamic import, which Jest's sandbox refuses (it would need
 * --experimental-vm-modules), so the snippets are linted in one plain Node child process.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
// made in beforeAll, removed in afterAll (which Jest runs even when a test or beforeAll fails)
const probe = path.join(ROOT, 'shared', `__lint_probe_${process.pid}__`);
/** the probe folder as lint names it, from the repository root */
const P = path.relative(ROOT, probe).split(path.sep).join('/');

interface Problem {
  rule: string | null;
  message: string;
}
interface Snippet {
  file: string;
  code: string;
}

/** Files written to the probe folder before linting: the other sides of the cycles. */
const onDisk: Record<string, string> = {
  'values/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
  'values/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
  'types/a.ts': "import type { B } from './b';\nexport interface A { b?: B }\n",
  'types/b.ts': "import type { A } from './a';\nexport interface B { a?: A }\n",
  'alias/a.ts': `import { b } from '@shared/${P.slice('shared/'.length)}/alias/b';\nexport const a = () => b;\n`,
  'alias/b.ts': "import { c } from './c';\nexport const b = () => c;\n",
  'alias/c.ts': "import { a } from './a';\nexport const c = () => a;\n",
  'oneway/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
  'oneway/b.ts': 'export const b = 1;\n',
};
const probeFile = (name: string): Snippet => ({ file: `${P}/${name}`, code: onDisk[name] });

const snippets: Record<string, Snippet> = {
  nodePrefixed: { file: 'shared/x/probe.ts', code: "import fs from 'node:fs';\nexport const read = fs.readFileSync;\n" },
  nodeBare: { file: 'shared/x/probe.ts', code: "import * as fs from 'fs';\nexport const it = fs;\n" },
  nodeWorker: { file: 'shared/x/probe.ts', code: "import { Worker } from 'worker_threads';\nexport const it = Worker;\n" },
  nodeSubpath: { file: 'shared/x/probe.ts', code: "import { pipeline } from 'stream/promises';\nexport const it = pipeline;\n" },
  nodePrefixOnly: { file: 'shared/x/probe.ts', code: "import { test } from 'node:test';\nexport const it = test;\n" },
  processAndBuffer: { file: 'shared/x/probe.ts', code: "export const mode = process.env.MODE;\nexport const bytes = Buffer.from('x');\n" },
  commonJs: { file: 'shared/x/probe.ts', code: "export const a = require('zod');\nexport const b = module;\nexport const c = __dirname;\nexport const d = setImmediate;\n" },
  pureShared: {
    file: 'shared/followup/probe.ts',
    code: "import * as z from 'zod/mini';\nimport { cst } from '../core/time';\n\nexport const day = z.string();\nexport const today = () => cst('2026-01-01').format('YYYY-MM-DD');\n",
  },
  pageDeepRelative: {
    file: 'client/src/pages/probe/index.tsx',
    code: "import { TicketCard } from '../../features/repair/components/TicketCard';\nexport const Card = TicketCard;\n",
  },
  staffDeepAlias: { file: 'client/src/staff/probe/index.tsx', code: "import { fetchQueue } from '@/features/repair/api/queries';\nexport const load = fetchQueue;\n" },
  featureIntoFeature: {
    file: 'client/src/features/complaint/components/Probe.tsx',
    code: "import { PhotoGrid } from '../../photos/components/PhotoGrid';\nexport const Grid = PhotoGrid;\n",
  },
  componentIntoFeature: { file: 'client/src/components/Probe.tsx', code: "import { splitLabel } from '@/features/complaint/model/status';\nexport const it = splitLabel;\n" },
  pageThroughIndex: {
    file: 'client/src/pages/probe/index.tsx',
    code: "import { TicketCard } from '@/features/repair';\nimport { PhotoGrid } from '../../features/photos';\nexport const parts = [TicketCard, PhotoGrid];\n",
  },
  featureInsideAndIndex: {
    file: 'client/src/features/complaint/components/Probe.tsx',
    code: "import { splitLabel } from '../model/status';\nimport { PhotoGrid } from '@/features/photos';\nexport const parts = [splitLabel, PhotoGrid];\n",
  },
  platformIntoUseCase: {
    file: 'cloudfunctions/_platform/probe.ts',
    code: "import { openComplaint } from '../_usecases/complaints';\nexport const open = openComplaint;\n",
  },
  useCaseIntoFunction: {
    file: 'cloudfunctions/_usecases/probe.ts',
    code: "import { repairFunction } from '../repair/handler';\nexport const it = repairFunction;\n",
  },
  functionIntoFunction: {
    file: 'cloudfunctions/survey/probe.ts',
    code: "import { repairFunction } from '../repair/handler';\nexport const it = repairFunction;\n",
  },
  functionOnLayers: {
    file: 'cloudfunctions/survey/probe.ts',
    code: "import { stores } from '../_platform/stores';\nimport { openComplaint } from '../_usecases/complaints';\nexport const parts = [stores, openComplaint];\n",
  },
  zodInShared: { file: 'shared/x/probe.ts', code: "import * as z from 'zod';\nexport const s = z.string();\n" },
  zodV4InFunction: { file: 'cloudfunctions/survey/probe.ts', code: "import * as z from 'zod/v4';\nexport const s = z.string();\n" },
  zodTypeInPlatform: { file: 'cloudfunctions/_platform/probe.ts', code: "import type { z } from 'zod';\nexport type S = z.ZodString;\n" },
  zodV3InUseCase: { file: 'cloudfunctions/_usecases/probe.ts', code: "import { z } from 'zod/v3';\nexport const s = z.string();\n" },
  zodInFeature: { file: 'client/src/features/repair/model/probe.ts', code: "import * as z from 'zod';\nexport const s = z.string();\n" },
  zodInPage: { file: 'client/src/pages/probe/index.tsx', code: "import * as z from 'zod';\nexport const s = z.string();\n" },
  zodClassicDeep: { file: 'shared/x/probe.ts', code: "import { ZodString } from 'zod/v4/classic/schemas';\nexport const s = ZodString;\n" },
  zodMiniEverywhere: {
    file: 'shared/x/probe.ts',
    code: "import * as z from 'zod/mini';\nimport { zhCN } from 'zod/v4/locales';\n\nz.config(zhCN());\nexport const s = z.optional(z.string().check(z.trim(), z.minLength(1)));\n",
  },
  zodMiniInFeature: { file: 'client/src/features/repair/model/probe.ts', code: "import type { z } from 'zod/mini';\nexport type S = z.ZodMiniString;\n" },
  zodMiniInFunction: { file: 'cloudfunctions/survey/probe.ts', code: "import * as z from 'zod/mini';\nimport { stores } from '../_platform/stores';\nexport const parts = [z.string(), stores];\n" },
  valueCycle: probeFile('values/a.ts'),
  typeCycle: probeFile('types/a.ts'),
  aliasCycle: probeFile('alias/a.ts'),
  oneWay: probeFile('oneway/a.ts'),
};

/** Lints every snippet with the ESLint Node API in a child process; problems by snippet name. */
function lintAll(all: Record<string, Snippet>): Record<string, Problem[]> {
  const script = `
    const { ESLint } = require('eslint');
    const path = require('node:path');
    (async () => {
      const snippets = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
      // ignore: false: lint's own run skips the probe folder (another run of lint may be going on meanwhile)
      const eslint = new ESLint({ cwd: process.cwd(), ignore: false });
      const out = {};
      for (const [name, { file, code }] of Object.entries(snippets)) {
        const [result] = await eslint.lintText(code, { filePath: path.resolve(process.cwd(), file) });
        out[name] = result.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((error) => { console.error(error); process.exit(1); });`;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: ROOT, input: JSON.stringify(all), maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out.toString());
}

let found: Record<string, Problem[]> = {};
const rulesOf = (name: string) => found[name].map((p) => p.rule);

beforeAll(() => {
  fs.mkdirSync(probe);
  for (const [name, code] of Object.entries(onDisk)) {
    fs.mkdirSync(path.dirname(path.join(probe, name)), { recursive: true });
    fs.writeFileSync(path.join(probe, name), code);
  }
  found = lintAll(snippets);
}, 120_000);

afterAll(() => {
  fs.rmSync(probe, { recursive: true, force: true });
});

describe('shared/ is pure domain code', () => {
  it('refuses a Node built-in imported with the node: prefix', () => {
    expect(rulesOf('nodePrefixed')).toContain('no-restricted-imports');
  });

  it('refuses any Node built-in imported without the prefix, not only the common ones', () => {
    for (const name of ['nodeBare', 'nodeWorker', 'nodeSubpath']) expect(rulesOf(name)).toContain('no-restricted-imports');
  });

  it('refuses a built-in that exists only with the node: prefix', () => {
    expect(rulesOf('nodePrefixOnly')).toContain('no-restricted-imports');
  });

  it('refuses the Node globals process and Buffer, saying why', () => {
    const globals = found.processAndBuffer.filter((p) => p.rule === 'no-restricted-globals');
    expect(globals).toHaveLength(2);
    expect(globals[0].message).toContain('shared/ is pure domain code');
  });

  it('refuses the CommonJS and timer globals: require, module, __dirname, setImmediate', () => {
    expect(rulesOf('commonJs').filter((r) => r === 'no-restricted-globals')).toHaveLength(4);
  });

  it('accepts domain code that imports zod/mini and other shared modules', () => {
    expect(found.pureShared).toEqual([]);
  });
});

describe('client features meet only through their index', () => {
  it('refuses a page that imports a component deep inside a feature by a relative path', () => {
    expect(rulesOf('pageDeepRelative')).toContain('import-x/no-restricted-paths');
  });

  it('refuses a staff page that imports deep inside a feature through the @/ alias', () => {
    expect(rulesOf('staffDeepAlias')).toContain('import-x/no-restricted-paths');
  });

  it('refuses a feature that reaches into another feature', () => {
    expect(rulesOf('featureIntoFeature')).toContain('import-x/no-restricted-paths');
  });

  it('refuses a shared component that reaches into a feature', () => {
    expect(rulesOf('componentIntoFeature')).toContain('import-x/no-restricted-paths');
  });

  it('accepts a page that imports features through their index, by alias or by relative path', () => {
    expect(found.pageThroughIndex).toEqual([]);
  });

  it('accepts a feature that imports its own modules directly and another feature through its index', () => {
    expect(found.featureInsideAndIndex).toEqual([]);
  });
});

describe('cloud functions: plumbing, use cases, functions', () => {
  it('refuses plumbing (_platform/) that imports a use case', () => {
    expect(rulesOf('platformIntoUseCase')).toEqual(['no-restricted-imports']);
  });

  it('refuses a use case that imports a function', () => {
    expect(rulesOf('useCaseIntoFunction')).toEqual(['no-restricted-imports']);
  });

  it('refuses a function that imports another function', () => {
    expect(rulesOf('functionIntoFunction')).toEqual(['no-restricted-imports']);
  });

  it('accepts a function built on _platform/ and _usecases/', () => {
    expect(found.functionOnLayers).toEqual([]);
  });
});

describe('schemas use zod/mini, never classic zod (function bundle and subpackage size)', () => {
  const classic = ['zodInShared', 'zodV4InFunction', 'zodTypeInPlatform', 'zodV3InUseCase', 'zodInFeature', 'zodInPage', 'zodClassicDeep'];

  it('refuses classic zod (zod, zod/v4, zod/v3, its classic modules) in shared/, every layer of cloudfunctions/ and client/src, type imports too', () => {
    for (const name of classic) expect([name, rulesOf(name)]).toEqual([name, ['no-restricted-imports']]);
  });

  it('says to import zod/mini, and why', () => {
    for (const name of classic) {
      expect(found[name][0].message).toContain("import * as z from 'zod/mini'");
      expect(found[name][0].message).toContain('function bundle');
    }
  });

  it('accepts zod/mini and the zod locales', () => {
    expect(found.zodMiniEverywhere).toEqual([]);
    expect(found.zodMiniInFeature).toEqual([]);
    expect(found.zodMiniInFunction).toEqual([]);
  });
});

describe('no import cycles', () => {
  it('refuses two modules that import each other, naming the way round', () => {
    expect(rulesOf('valueCycle')).toEqual(['layers/no-cycle']);
    expect(found.valueCycle[0].message).toContain(`${P}/values/a.ts → ${P}/values/b.ts → ${P}/values/a.ts`);
  });

  it('counts type-only imports: a cycle through types is still a cycle', () => {
    expect(rulesOf('typeCycle')).toEqual(['layers/no-cycle']);
  });

  it('follows the @shared/ alias round a longer cycle', () => {
    expect(rulesOf('aliasCycle')).toEqual(['layers/no-cycle']);
    expect(found.aliasCycle[0].message).toContain(`${P}/alias/a.ts → ${P}/alias/b.ts → ${P}/alias/c.ts → ${P}/alias/a.ts`);
  });

  it('accepts modules that import in one direction only', () => {
    expect(found.oneWay).toEqual([]);
  });
});
