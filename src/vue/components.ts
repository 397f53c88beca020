/**
 * Vue 3 `GlobalComponents` for the Kolam tags, so `vue-tsc` checks templates: property bindings
 * (`:annotations`, `:labels`, …) against the element's types, and `@kolam-change="(e) => …"` with
 * `e.detail` typed. Types only.
 */
import type { DefineComponent } from 'vue';
import type { KolamElementProps, KolamEventProps, KolamTagName } from '../hosts/element-props.js';

/** One tag as Vue's type-checker sees it: our properties plus `onKolam…` listeners for our events. */
export type KolamVueComponent<T extends KolamTagName> = DefineComponent<KolamElementProps[T] & KolamEventProps<T>>;

export type KolamGlobalComponents = { [T in KolamTagName]: KolamVueComponent<T> };

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the members come from KolamGlobalComponents.
  interface GlobalComponents extends KolamGlobalComponents {}
}
