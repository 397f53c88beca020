// The app's storage: the tiny server in server.mjs, one JSON document.
import type { Annotation } from 'kolam';

export async function loadAnnotations(): Promise<Annotation[]> {
  const response = await fetch('/api/annotations');
  return response.ok ? ((await response.json()) as Annotation[]) : [];
}

export async function saveAnnotations(annotations: Annotation[]): Promise<void> {
  await fetch('/api/annotations', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(annotations) });
}
