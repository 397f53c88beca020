import { createApp } from 'vue';
import 'kolam';
import App from './App.vue';
import { loadAnnotations } from './storage.js';

// Load on start, then mount with what was saved.
createApp(App, { saved: await loadAnnotations() }).mount('#app');
