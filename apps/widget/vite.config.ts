import { defineConfig } from 'vite';
import { precompress } from '../../scripts/vite/precompress.ts';

/**
 * Two builds into dist/, served by the server at /widget/:
 * - default mode: the demo shop page (demo-shop.html + assets/…), served at /demo-shop;
 * - `--mode widget`: golddesk-widget.js, one self-contained IIFE to embed on any shop page.
 * `npm run build` runs both (the page first, since it empties dist/). Each writes .br and .gz siblings of its files.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'widget') {
    return {
      base: '/widget/',
      publicDir: false,
      plugins: [precompress()],
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2022',
        lib: {
          entry: 'src/widget/main.ts',
          name: 'GoldDeskWidget',
          formats: ['iife'],
          fileName: () => 'golddesk-widget.js',
        },
      },
    };
  }
  return {
    base: '/widget/',
    publicDir: false,
    plugins: [precompress()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: { 'demo-shop': 'demo-shop.html' } },
    },
  };
});
