/**
 * What a framework may set on each element, and the listener props for its events, declared once
 * for the React (JSX, @lit/react) and Vue (GlobalComponents) typings. Types only: nothing here runs.
 */
import type { KolamBoxTool } from '../box-tool/box-tool.js';
import type { KolamSpanTagger } from '../span-tagger/span-tagger.js';
import type { KolamTranscriptionPlayer } from '../transcription-player/transcription-player.js';
import type { KolamLabelSet } from '../label-set/label-set.js';
import type { KolamLabel } from '../label-set/label.js';
import type { KolamEventMap, KolamEventName } from '../core/events.js';

/** The writable properties a host sets (CONTRACT §4–§5); methods and read-only state are left out. */
export interface KolamElementProps {
  'kolam-box-tool': Partial<Pick<KolamBoxTool, 'src' | 'source' | 'annotations' | 'labels' | 'activeLabel' | 'annotator' | 'readonly' | 'minSize' | 'keymap' | 'zoom' | 'reviewOrder' | 'acceptThreshold'>>;
  'kolam-span-tagger': Partial<Pick<KolamSpanTagger, 'text' | 'source' | 'annotations' | 'labels' | 'activeLabel' | 'annotator' | 'readonly' | 'granularity' | 'keymap' | 'reviewOrder' | 'acceptThreshold'>>;
  'kolam-transcription-player': Partial<
    Pick<KolamTranscriptionPlayer, 'src' | 'source' | 'annotations' | 'peaks' | 'labels' | 'activeLabel' | 'annotator' | 'readonly' | 'keymap' | 'playbackRate' | 'rewindOnPause' | 'language' | 'currentTime' | 'zoom' | 'reviewOrder' | 'acceptThreshold'>
  >;
  'kolam-label-set': Partial<Pick<KolamLabelSet, 'labels' | 'activeLabel' | 'annotator' | 'readonly' | 'hidePicker'>>;
  'kolam-label': Partial<Pick<KolamLabel, 'id' | 'color' | 'hotkey'>>;
}

export type KolamTagName = keyof KolamElementProps;

/** The classes behind the tags, for typing refs and `currentTarget`. */
export interface KolamElements {
  'kolam-box-tool': KolamBoxTool;
  'kolam-span-tagger': KolamSpanTagger;
  'kolam-transcription-player': KolamTranscriptionPlayer;
  'kolam-label-set': KolamLabelSet;
  'kolam-label': KolamLabel;
}

/** Which events each element fires (the tools all of them; the set only its label change). */
export interface KolamElementEvents {
  'kolam-box-tool': KolamEventName;
  'kolam-span-tagger': KolamEventName;
  'kolam-transcription-player': KolamEventName;
  'kolam-label-set': 'kolam-active-label-change';
  'kolam-label': never;
}

/** `kolam-active-label-change` → `kolamActiveLabelChange`. */
export type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** `kolam-change` → `onKolamChange`: the prop name @lit/react wrappers and Vue's `@kolam-change` use. */
export type EventPropName<E extends string> = `on${Capitalize<CamelCase<E>>}`;

/** `{ onKolamChange?: (event: CustomEvent<{ annotations }>) => void, … }` for the element's events. */
export type KolamEventProps<T extends KolamTagName> = {
  [E in KolamElementEvents[T] as EventPropName<E>]?: (event: KolamEventMap[E]) => void;
};
