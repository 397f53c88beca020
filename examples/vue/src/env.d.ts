// Types the kolam-* tags in templates (GlobalComponents) for vue-tsc.
import type {} from 'kolam/vue';
