import fs from 'node:fs';
import path from 'node:path';
import type { Compiler } from 'webpack';

/** One source module in an emitted file, with its size before minification (a share, not an exact count). */
export interface ModuleSize {
  module: string;
  bytes: number;
}

/** Emitted file (relative to the build output) → the modules it is made of, largest first. */
export type SizeReport = Record<string, ModuleSize[]>;

/**
 * Writes what each emitted .js file of the build is made of to `file` (JSON, a {@link SizeReport}), so a
 * size budget that fails can name the biggest contributors. Sizes are of the module sources before
 * minification: they rank the contributors, the file sizes on disk are what is measured.
 */
export class SizeReportPlugin {
  constructor(private readonly file: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.emit.tap('SizeReportPlugin', (compilation) => {
      const root = compiler.context;
      const name = (m: { nameForCondition?: () => string | null | undefined; identifier: () => string }) => {
        const full = m.nameForCondition?.() ?? m.identifier();
        const relative = path.relative(path.resolve(root, '..'), full.split('!').pop() ?? full);
        return relative.startsWith('..') ? full : relative;
      };
      const report: SizeReport = {};
      for (const chunk of compilation.chunks) {
        const modules: ModuleSize[] = [];
        for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
          // a concatenated module holds several source modules: list each
          const inner = (m as unknown as { modules?: Iterable<typeof m> }).modules;
          for (const one of inner ? [...inner] : [m]) {
            const bytes = one.size('javascript');
            if (bytes > 0) modules.push({ module: name(one), bytes });
          }
        }
        modules.sort((a, b) => b.bytes - a.bytes);
        for (const file of chunk.files) if (file.endsWith('.js')) report[file] = modules;
      }
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(this.file, JSON.stringify(report));
    });
  }
}
