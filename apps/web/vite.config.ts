import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// Element Plus and ECharts change far less often than our code: separate chunks keep them cached
// across releases, and portal pages are split further by their dynamic imports in routes.ts.
export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    port: 4173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // `codeSplitting` is rolldown's successor of Rollup's manualChunks (deprecated in Vite 8).
        // Vue goes first: groups pull in their dependencies, so Element Plus would otherwise swallow it.
        codeSplitting: {
          groups: [
            {
              name: 'element-plus',
              test: /node_modules[\\/](element-plus|@element-plus|@floating-ui|async-validator|dayjs|lodash-unified|lodash-es|memoize-one|normalize-wheel-es|@ctrl)[\\/]/,
              priority: 20,
            },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 10 },
            {
              name: 'vue',
              test: /node_modules[\\/](vue|@vue|vue-router|pinia)[\\/]/,
              priority: 30,
            },
          ],
        },
      },
    },
  },
});
