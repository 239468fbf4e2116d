// Builds the single-page app into web/dist, which the server serves at /.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { projectWorld, type WorldAtlas } from './src/lib/world-shapes';

/**
 * `virtual:world-shapes`: the URL of the overview map's country outlines, projected here once (src/lib/world-shapes.ts)
 * so that the browser neither downloads the whole atlas nor runs the projection on every visit.
 */
function worldShapes(): Plugin {
  const id = 'virtual:world-shapes';
  let serving = false;
  return {
    name: 'cyberdiplo-world-shapes',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(source) {
      if (source !== `\0${id}`) return null;
      const atlasFile = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
      const json = JSON.stringify(projectWorld(JSON.parse(fs.readFileSync(atlasFile, 'utf8')) as WorldAtlas));
      if (serving) return `export default ${JSON.stringify(`data:application/json,${encodeURIComponent(json)}`)};`;
      const ref = this.emitFile({ type: 'asset', name: 'world-shapes.json', source: json });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), worldShapes()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
