import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API server serves dist/ at `/`; in development Vite proxies the API (HTTP and WebSocket) to it.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: true, ws: true },
    },
  },
});
