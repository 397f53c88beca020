/** Shared by the span tagger's tests: where text is on screen, and real mouse gestures over it. */
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import type { Annotation } from '../../src/core/annotation.js';
import type { KolamSpanTagger } from '../../src/span-tagger.js';

export const LABELS = [
  { id: 'person', name: 'Person', color: '#d7263d', hotkey: 'p' },
  { id: 'place', name: 'Place', color: '#1b998b', hotkey: 'l' },
  { id: 'org', name: 'Organisation', color: '#2e86ab' },
];

/** A live Range over UTF-16 [start, end) of the tagger's text, found through its shadow DOM. */
export function textRange(el: KolamSpanTagger, start: number, end: number): Range {
  const nodes = [...el.shadowRoot!.querySelectorAll('.block')].map((b) => b.firstChild as Text);
  const range = new Range();
  let offset = 0;
  for (const node of nodes) {
    const length = node.data.length;
    if (start >= offset && start <= offset + length) range.setStart(node, start - offset);
    if (end >= offset && end <= offset + length) {
      range.setEnd(node, end - offset);
      break;
    }
    offset += length;
  }
  return range;
}

/** Viewport point at fraction `fx` across the first box of `needle` (its `nth` occurrence). */
export function pointOf(el: KolamSpanTagger, needle: string, fx = 0.5, nth = 0): [number, number] {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = el.text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" is not in the text`);
  const rect = textRange(el, at, at + needle.length).getClientRects()[0];
  return [Math.round(rect.left + rect.width * fx), Math.round(rect.top + rect.height / 2)];
}

export async function drag(from: [number, number], to: [number, number]): Promise<void> {
  await sendMouse({ type: 'move', position: from });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'move', position: [Math.round((from[0] + to[0]) / 2), Math.round((from[1] + to[1]) / 2)] });
  await sendMouse({ type: 'move', position: to });
  await sendMouse({ type: 'up' });
}

export async function click(at: [number, number]): Promise<void> {
  await sendMouse({ type: 'click', position: at });
}

/** A real double or triple click (scripts/wtr-multi-click-plugin.mjs: sendMouse clicks only once). */
export async function multiClick(at: [number, number], count: number): Promise<void> {
  await executeServerCommand('multi-click', { position: at, count });
}

/** A span annotation as a host would store it, on code points [start, end) of `text`. */
export function spanAnnotation(id: string, text: string, start: number, end: number, label = 'person', extra: Partial<Annotation> = {}): Annotation {
  const points = [...text];
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'Annotation',
    motivation: 'tagging',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: label }],
    target: {
      source: 'doc',
      selector: [
        { type: 'TextPositionSelector', start, end },
        {
          type: 'TextQuoteSelector',
          exact: points.slice(start, end).join(''),
          prefix: points.slice(Math.max(0, start - 32), start).join(''),
          suffix: points.slice(end, end + 32).join(''),
        },
      ],
    },
    ...extra,
  };
}

/** Code-point offset of the first `needle` in `text`. */
export function cp(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  return [...text.slice(0, at)].length;
}

export function selectorsOf(annotation: Annotation) {
  const [position, quote] = annotation.target.selector as unknown as [{ start: number; end: number }, { exact: string }];
  return { start: position.start, end: position.end, exact: quote.exact };
}

/** The texts of the ranges our highlights hold: what the annotator sees tinted, sorted. */
export function drawn(el: KolamSpanTagger): string[] {
  const prefix = (el as unknown as { painter: { prefix: string } }).painter.prefix;
  const texts: string[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith(`${prefix}-l`) && !name.startsWith(`${prefix}-u`)) continue;
    for (const range of highlight as Highlight) texts.push((range as Range).toString());
  }
  return texts.sort();
}
