/**
 * Finds the Kolam tools under the root sync is connected to, and gives each the annotations of its
 * source. Setting `annotations` emits no events (CONTRACT §3), so loading never echoes back.
 */
import type { Annotation } from '../core/annotation.js';

const TOOL_TAGS = ['kolam-box-tool', 'kolam-span-tagger', 'kolam-transcription-player'];

export interface ToolLike extends HTMLElement {
  annotations: Annotation[];
  source?: string | undefined;
}

export function toolsIn(root: Element | Document | DocumentFragment): ToolLike[] {
  const selector = TOOL_TAGS.join(',');
  const found = [...root.querySelectorAll<ToolLike>(selector)];
  if (root instanceof Element && root.matches(selector)) found.unshift(root as ToolLike);
  return found;
}

/** The IRI a tool writes to `target.source`: its `source`, else its `src` (media tools' default). */
export function sourceOfTool(tool: ToolLike): string | null {
  return tool.source || tool.getAttribute('source') || tool.getAttribute('src') || null;
}

export function sourceOfAnnotation(annotation: Annotation): string | null {
  const target = annotation.target as unknown;
  const first = Array.isArray(target) ? target[0] : target;
  if (typeof first === 'string') return first;
  const source = (first as { source?: unknown } | null)?.source;
  return typeof source === 'string' ? source : null;
}

/** The tools that show `source`: those whose source it is, else (none says so) all of them. */
export function toolsFor(tools: ToolLike[], source: string | null): ToolLike[] {
  if (source == null) return tools;
  const matching = tools.filter((t) => sourceOfTool(t) === source);
  return matching.length ? matching : tools;
}

/** Replaces one annotation in a tool (or removes it, `null`), keeping the others and their order. */
export function showIn(tool: ToolLike, id: string, annotation: Annotation | null): void {
  const list = Array.isArray(tool.annotations) ? tool.annotations : [];
  const at = list.findIndex((a) => a?.id === id);
  if (annotation === null) {
    if (at >= 0) tool.annotations = list.filter((_, i) => i !== at);
    return;
  }
  tool.annotations = at >= 0 ? list.map((a, i) => (i === at ? annotation : a)) : [...list, annotation];
}
