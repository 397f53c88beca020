// The app's storage: one key in localStorage per task. A real app would call its API here.
import type { Annotation } from 'kolam';

export function loadAnnotations(key: string): Annotation[] {
  return JSON.parse(localStorage.getItem(key) ?? '[]') as Annotation[];
}

export function saveAnnotations(key: string, annotations: Annotation[]): void {
  localStorage.setItem(key, JSON.stringify(annotations));
}
