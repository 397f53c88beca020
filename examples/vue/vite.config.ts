import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { isKolamTag } from 'kolam/vue';

// kolam-* are custom elements, not Vue components: Vue then sets their properties and listens to
// their events as written in the template.
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: isKolamTag } } })],
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
