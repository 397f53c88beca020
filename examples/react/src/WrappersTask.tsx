// The same task with kolam/react: components made with @lit/react, typed props and onKolam… events.
import { useState } from 'react';
import { LabelSet, SpanTagger } from 'kolam/react';
import type { Annotation } from 'kolam';
import { labels, text } from './task-data.js';
import { loadAnnotations, saveAnnotations } from './storage.js';
import { SavedList } from './SavedList.js';

export function WrappersTask() {
  const [annotations, setAnnotations] = useState<Annotation[]>(() => loadAnnotations('kolam-react-wrappers'));
  return (
    <main>
      <h1>Tag people and places</h1>
      <LabelSet labels={labels}>
        <SpanTagger
          text={text}
          annotations={annotations}
          onKolamChange={(event) => {
            setAnnotations(event.detail.annotations);
            saveAnnotations('kolam-react-wrappers', event.detail.annotations);
          }}
        />
      </LabelSet>
      <SavedList annotations={annotations} />
    </main>
  );
}
