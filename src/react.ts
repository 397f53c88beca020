/**
 * `kolam/react`: React components for every Kolam element, made with `@lit/react`, with typed
 * `onKolamChange`-style event props — and, as types, the JSX declarations of the plain tags.
 * Needs `react` and `@lit/react` (peer dependencies, optional for everyone who does not import this
 * entry). Registers every element, like `kolam`.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { KolamBoxTool } from './box-tool.js';
import { KolamSpanTagger } from './span-tagger.js';
import { KolamTranscriptionPlayer } from './transcription-player.js';
import { KolamLabel, KolamLabelSet } from './label-set.js';
import type { KolamEventMap, KolamEventName } from './core/events.js';
import type { EventPropName } from './hosts/element-props.js';

export type { KolamJsxProps, KolamJsxEventProps, KolamIntrinsicElements } from './react/jsx.js';
export type { KolamElementProps, KolamEventProps } from './hosts/element-props.js';

type EventProps<E extends KolamEventName> = { [K in E as EventPropName<K>]: EventName<KolamEventMap[K]> };

/** Typed so that an event added to `KolamEventDetails` and not here fails the type-check. */
const toolEvents: EventProps<KolamEventName> = {
  onKolamCreate: 'kolam-create' as EventName<KolamEventMap['kolam-create']>,
  onKolamUpdate: 'kolam-update' as EventName<KolamEventMap['kolam-update']>,
  onKolamDelete: 'kolam-delete' as EventName<KolamEventMap['kolam-delete']>,
  onKolamSelect: 'kolam-select' as EventName<KolamEventMap['kolam-select']>,
  onKolamChange: 'kolam-change' as EventName<KolamEventMap['kolam-change']>,
  onKolamError: 'kolam-error' as EventName<KolamEventMap['kolam-error']>,
  onKolamReview: 'kolam-review' as EventName<KolamEventMap['kolam-review']>,
  onKolamActiveLabelChange: 'kolam-active-label-change' as EventName<KolamEventMap['kolam-active-label-change']>,
};

/** `<BoxTool src annotations onKolamChange={(e) => save(e.detail.annotations)} />` */
export const BoxTool = createComponent({ react: React, tagName: 'kolam-box-tool', elementClass: KolamBoxTool, events: toolEvents, displayName: 'BoxTool' });

/** `<SpanTagger text annotations onKolamChange={…} />` */
export const SpanTagger = createComponent({ react: React, tagName: 'kolam-span-tagger', elementClass: KolamSpanTagger, events: toolEvents, displayName: 'SpanTagger' });

/** `<TranscriptionPlayer src annotations onKolamChange={…} />` */
export const TranscriptionPlayer = createComponent({
  react: React,
  tagName: 'kolam-transcription-player',
  elementClass: KolamTranscriptionPlayer,
  events: toolEvents,
  displayName: 'TranscriptionPlayer',
});

/** `<LabelSet labels={[…]} onKolamActiveLabelChange={…}>…tools…</LabelSet>` */
export const LabelSet = createComponent({
  react: React,
  tagName: 'kolam-label-set',
  elementClass: KolamLabelSet,
  events: { onKolamActiveLabelChange: toolEvents.onKolamActiveLabelChange },
  displayName: 'LabelSet',
});

/** `<Label id="person" color="#e6194b" hotkey="p">Person</Label>` inside a `<LabelSet>`. */
export const Label = createComponent({ react: React, tagName: 'kolam-label', elementClass: KolamLabel, displayName: 'Label' });
