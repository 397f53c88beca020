// Run in a fresh Node process: @lit-labs/ssr (which installs Lit's DOM shim) renders each element's
// shell to HTML with a declarative shadow root; prints the HTML or the error per tag.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';

const results = {};
try {
  await import('kolam');
} catch (error) {
  console.log(JSON.stringify({ importError: String(error?.stack ?? error) }));
  process.exit(0);
}
const templates = {
  'kolam-box-tool': html`<kolam-box-tool src="street.png"></kolam-box-tool>`,
  'kolam-span-tagger': html`<kolam-span-tagger .text=${'Ada Lovelace met Charles Babbage.'}></kolam-span-tagger>`,
  'kolam-transcription-player': html`<kolam-transcription-player src="talk.wav"></kolam-transcription-player>`,
  'kolam-label-set': html`<kolam-label-set><kolam-label id="person" color="#d7263d">Person</kolam-label></kolam-label-set>`,
};
for (const [tag, template] of Object.entries(templates)) {
  try {
    results[tag] = { html: await collectResult(render(template)) };
  } catch (error) {
    results[tag] = { error: String(error?.stack ?? error).split('\n').slice(0, 6).join('\n') };
  }
}
console.log(JSON.stringify({ results }));
