// React 19 passes properties and `on…` custom-event listeners to custom elements directly.
import { useState } from 'react';
import 'kolam';

export function SpanTask({ text, saved, onSave }) {
  const [annotations, setAnnotations] = useState(saved);
  return (
    <kolam-label-set labels={[{ id: 'person', name: 'Person' }, { id: 'place', name: 'Place' }]}>
      <kolam-span-tagger
        text={text}
        annotations={annotations}
        onkolam-change={(e) => { setAnnotations(e.detail.annotations); onSave(e.detail.annotations); }}
      />
    </kolam-label-set>
  );
}
