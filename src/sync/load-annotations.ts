/**
 * Puts a source's annotations into its tools: what the server holds (or, offline, what it held
 * last, from the replica), with every change still in the outbox laid over it, so what the
 * annotator sees after a reload is what they left.
 */
import type { Annotation } from '../core/annotation.js';
import type { OutboxEntry } from './outbox-entry.js';
import { sourceOfAnnotation, sourceOfTool, toolsFor, toolsIn, type ToolLike } from './tools.js';

export function overlay(base: readonly Annotation[], entries: readonly OutboxEntry[], source: string | null): Annotation[] {
  const byId = new Map(base.map((a) => [a.id, a]));
  for (const entry of entries) {
    if (source != null && sourceOfAnnotation(entry.annotation) !== source) continue;
    if (entry.op === 'delete') byId.delete(entry.id);
    else byId.set(entry.id, entry.annotation);
  }
  return [...byId.values()];
}

export function showSource(root: Element | Document, source: string | null, annotations: Annotation[]): void {
  for (const tool of toolsFor(toolsIn(root), source)) {
    const own = source == null ? sourceOfTool(tool) : null;
    const list = own == null ? annotations : annotations.filter((a) => sourceOfAnnotation(a) === own);
    if (!sameIds(tool, list)) tool.annotations = list;
    else if (list.some((a, i) => a !== tool.annotations[i] && JSON.stringify(a) !== JSON.stringify(tool.annotations[i]))) tool.annotations = list;
  }
}

function sameIds(tool: ToolLike, list: Annotation[]): boolean {
  const current = Array.isArray(tool.annotations) ? tool.annotations : [];
  return current.length === list.length && current.every((a, i) => a?.id === list[i]!.id);
}
