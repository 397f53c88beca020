// Compiled by `npm run typecheck`, never bundled: proof that the tags and events are typed, not
// `any`. Each @ts-expect-error must meet an error, so a declaration that went loose fails the check.
import type {} from 'kolam/react';
import { SpanTagger } from 'kolam/react';
import type { Annotation, KolamErrorCode } from 'kolam';

export const checks = [
  <kolam-span-tagger
    text="typed"
    onkolam-change={(e) => {
      const set: Annotation[] = e.detail.annotations;
      // @ts-expect-error -- the detail of kolam-change has no `annotation`
      void e.detail.annotation;
      return set;
    }}
    onkolam-error={(e) => {
      const code: KolamErrorCode = e.detail.code;
      return code;
    }}
  />,
  // @ts-expect-error -- text is a string
  <kolam-span-tagger text={42} />,
  // @ts-expect-error -- no such property
  <kolam-box-tool srcc="a.png" />,
  <SpanTagger
    onKolamUpdate={(e) => {
      const previous: Annotation = e.detail.previous;
      return previous;
    }}
  />,
  // @ts-expect-error -- labels are objects with an id
  <SpanTagger labels={['person']} />,
];

document.addEventListener('kolam-change', (e) => {
  const set: Annotation[] = e.detail.annotations;
  return set;
});
