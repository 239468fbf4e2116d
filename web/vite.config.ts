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

/**
 * The app's code (src/mount.tsx: React, the router, the pages' routes) is imported by the small entry once it has run;
 * the shell names it, what it imports and its styles, so that the browser fetches them alongside the entry, not after it.
 */
function preloadApp(): Plugin {
  return {
    name: 'cyberdiplo-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const app = chunks.find((c) => c.facadeModuleId?.endsWith('/src/mount.tsx'));
        if (!app) throw new Error('the build has no chunk for src/mount.tsx');
        const files = new Set<string>();
        const visit = (file: string) => {
          if (files.has(file)) return;
          files.add(file);
          for (const c of chunks) if (c.fileName === file) c.imports.forEach(visit);
        };
        visit(app.fileName);
        const absent = (file: string) => !html.includes(`/${file}"`);
        const links = (rel: string, names: string[]) => names.filter(absent).map((file) => `\n    <link rel="${rel}" crossorigin href="/${file}">`).join('');
        const styles = chunks.filter((c) => files.has(c.fileName)).flatMap((c) => [...(c.viteMetadata?.importedCss ?? [])]);
        // Before any stylesheet of the entry's own, as if the entry imported the app.
        const at = html.search(/\n\s*(<link rel="stylesheet"|<\/head>)/);
        return `${html.slice(0, at)}${links('stylesheet', styles)}${links('modulepreload', [...files])}${html.slice(at)}`;
      },
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), worldShapes(), preloadApp()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // A browser asks one server over at most six connections at a time: the small modules most pages draw with come
    // in one file rather than six, so that the overview's reads do not wait in line behind them. They import only
    // what the app has loaded before them (React, the API client), hence without their dependencies.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'page-common',
              test: /web[\\/]src[\\/](lib[\\/](format|vocabulary|use-title|use-url-query)|components[\\/](segmented|async-view))\.tsx?$|[\\/]src[\\/]core[\\/]labels\.ts$/,
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
