import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from '../../scripts/vite/precompress.ts';
import { pureDefinitions } from '../../scripts/vite/pure-definitions.ts';

const CONTRACTS = /[\\/]packages[\\/]contracts[\\/]src[\\/]/;

// The API server serves dist/ at `/`; in development Vite proxies the API (HTTP and WebSocket) to it.
export default defineConfig({
  base: '/',
  // The contracts' schemas are for the server: the workbench keeps their types and the few helpers it calls.
  plugins: [react(), pureDefinitions(CONTRACTS), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      treeshake: {
        // A contracts module whose exports the workbench does not use is left out, except zod-config.ts (and the
        // index.ts that imports it first), which runs for its effect: no `new Function` under the CSP whenever a
        // schema does end up in the browser.
        moduleSideEffects: [
          { test: /[\\/]packages[\\/]contracts[\\/]src[\\/](index|zod-config)\.ts$/, sideEffects: true },
          { test: CONTRACTS, sideEffects: false },
        ],
      },
      output: {
        // React and echarts change less often than our code: their own long-cached files. antd is left to the
        // automatic split, which already groups each part by the pages that use it (the chat page never loads the
        // admin pages' Table or DatePicker); a single antd chunk would load them all up front.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: true, ws: true },
    },
  },
});
