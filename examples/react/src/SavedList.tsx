import type { Annotation } from 'kolam';
import { labelIdOf } from 'kolam/annotation.js';

/** What the host holds: the app's own view of its state, beside the tool. */
export function SavedList({ annotations }: { annotations: Annotation[] }) {
  return (
    <section aria-label="Saved">
      <p>
        <output id="saved-count">{annotations.length}</output> saved
      </p>
      <ul id="saved-list">
        {annotations.map((a) => (
          <li key={a.id}>{labelIdOf(a) ?? '—'}</li>
        ))}
      </ul>
    </section>
  );
}
