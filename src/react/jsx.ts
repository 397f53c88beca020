/**
 * React 19 JSX for the plain tags: `<kolam-span-tagger text={…} onkolam-change={(e) => …} />`
 * type-checks, with `e.detail` typed. React 19 sets known properties on custom elements and turns an
 * `on<name>` function prop into a listener for the event `<name>` exactly as written, hence the
 * lower-case `onkolam-change` keys here (the @lit/react wrappers use `onKolamChange`).
 * Types only: `import type {} from 'kolam/react'` brings them without loading React or @lit/react.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { KolamEventMap } from '../core/events.js';
import type { KolamElementEvents, KolamElementProps, KolamElements, KolamTagName } from '../hosts/element-props.js';

/** `onkolam-change`, … for the element's events, as React 19 listens to them. */
export type KolamJsxEventProps<T extends KolamTagName> = {
  [E in KolamElementEvents[T] as `on${E}`]?: (event: KolamEventMap[E]) => void;
};

/** The props one Kolam tag takes in React JSX: React's own HTML props, ours, and our events. */
export type KolamJsxProps<T extends KolamTagName> = DetailedHTMLProps<HTMLAttributes<KolamElements[T]>, KolamElements[T]> &
  KolamElementProps[T] &
  KolamJsxEventProps<T>;

export type KolamIntrinsicElements = { [T in KolamTagName]: KolamJsxProps<T> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's own JSX is a namespace; augmenting it is how tags are declared.
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the members come from KolamIntrinsicElements.
    interface IntrinsicElements extends KolamIntrinsicElements {}
  }
}
