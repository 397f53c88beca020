// React 19 with the plain tags: it sets properties on custom elements and `onkolam-change` listens
// to the `kolam-change` event. `import type {} from 'kolam/react'` types the tags for TSX.
import { useState } from 'react';
import 'kolam';
import type {} from 'kolam/react';
import type { Annotation } from 'kolam';
import { labels, text } from './task-data.js';
import { loadAnnotations, saveAnnotations } from './storage.js';
import { SavedList } from './SavedList.js';

export function PlainTagsTask() {
  // Controlled: the state is fed by kolam-change and handed back to the tagger, which keeps its
  // undo history because what comes back is what it emitted.
  const [annotations, setAnnotations] = useState<Annotation[]>(() => loadAnnotations('kolam-react-plain'));
  const onChange = (event: CustomEvent<{ annotations: Annotation[] }>) => {
    setAnnotations(event.detail.annotations);
    saveAnnotations('kolam-react-plain', event.detail.annotations);
  };
  return (
    <main>
      <h1>Tag people and places</h1>
      <kolam-label-set labels={labels}>
        <kolam-span-tagger text={text} annotations={annotations} onkolam-change={onChange} />
      </kolam-label-set>
      <SavedList annotations={annotations} />
    </main>
  );
}
