// `npx vite build -c bench/bundle-stats.config.ts`: the normal build, plus reports/bundle.json and a
// printed list of what each chunk is made of (rendered bytes per source module, before gzip). It
// shows what a page's chunks carry, so that code a learner needs only later can be moved out.
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { defineConfig, mergeConfig, type Plugin, type UserConfig } from 'vite';
import baseConfig from '../vite.config';

function bundleStats(): Plugin {
  return {
    name: 'heard-bundle-stats',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle)
        .filter((output) => output.type === 'chunk')
        .map((chunk) => ({
          file: chunk.fileName,
          gzipKb: Math.round(gzipSync(chunk.code).length / 102.4) / 10,
          imports: chunk.imports,
          modules: Object.entries(chunk.modules)
            .map(([id, info]) => ({
              id: id.replace(/^.*node_modules\//, 'npm:').replace(process.cwd(), ''),
              kb: Math.round(info.renderedLength / 102.4) / 10,
            }))
            .filter((module) => module.kb > 0)
            .sort((a, b) => b.kb - a.kb),
        }))
        .sort((a, b) => b.gzipKb - a.gzipKb);
      mkdirSync('reports', { recursive: true });
      writeFileSync('reports/bundle.json', `${JSON.stringify(chunks, null, 2)}\n`);
      for (const chunk of chunks.filter((candidate) => candidate.gzipKb >= 1)) {
        console.log(`\n${chunk.file}: ${chunk.gzipKb} KB gzip; imports ${chunk.imports.join(', ') || 'nothing'}`);
        for (const module of chunk.modules.slice(0, 12))
          console.log(`  ${module.kb.toFixed(1).padStart(7)} KB  ${module.id}`);
      }
    },
  };
}

export default defineConfig((env) =>
  mergeConfig((typeof baseConfig === 'function' ? baseConfig(env) : baseConfig) as UserConfig, {
    plugins: [bundleStats()],
  }),
);
