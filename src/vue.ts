/**
 * `kolam/vue`: for Vue 3 apps. `isKolamTag` tells Vue's template compiler that `kolam-*` are
 * custom elements (so it binds properties and listens to our events instead of resolving Vue
 * components), and, as types, `GlobalComponents` declarations so `vue-tsc` checks the templates.
 * Pure: it imports neither Vue nor an element, so a `vite.config` can load it in Node.
 */
export type { KolamGlobalComponents, KolamVueComponent } from './vue/components.js';
export type { KolamElementProps, KolamEventProps } from './hosts/element-props.js';

/** For `vue({ template: { compilerOptions: { isCustomElement: isKolamTag } } })`. */
export function isKolamTag(tag: string): boolean {
  return tag.startsWith('kolam-');
}
