import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/index.js';
import type { Annotation, KolamBoxTool } from '../src/index.js';

const meta: Meta = {
  title: 'Host wiring',
  parameters: {
    docs: {
      description: {
        component:
          'How a host app wires Kolam to its storage: listen for `kolam-change` (or the finer create/update/delete) on any ancestor, save `detail.annotations`; load by setting `annotations`, which emits nothing, so there is no echo loop.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

const IMAGE = `data:image/svg+xml,${encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="1200" height="440" fill="#bcd4f0"/><rect y="440" width="1200" height="360" fill="#2a2d31"/><rect x="160" y="300" width="240" height="260" fill="#c83c32"/><rect x="700" y="340" width="320" height="200" fill="#285aaa"/></svg>`,
)}`;

const SAVED: Annotation[] = [
  {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:uuid:7d1b8a64-4f0e-4d9b-9a57-1b1f4a0d2c11',
    type: 'Annotation',
    motivation: 'tagging',
    creator: { id: 'worker-17', type: 'Person', name: 'Kumar' },
    body: [{ type: 'TextualBody', purpose: 'tagging', value: 'car' }],
    target: { source: 'street.jpg', selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 'xywh=pixel:700,340,320,200' } },
  },
];

/** The host's "database": what it saved last, as JSON text. */
let storage = JSON.stringify(SAVED);

function logEvent(event: Event) {
  const root = (event.currentTarget as HTMLElement).closest('.host')!;
  const detail = (event as CustomEvent).detail;
  const item = document.createElement('li');
  const id = detail.annotation?.id ?? '';
  item.textContent = `${event.type}${id ? ` ${id.slice(-6)}` : ''}${event.type === 'kolam-change' ? ` (${detail.annotations.length})` : ''}`;
  root.querySelector('ol')!.prepend(item);
  if (event.type === 'kolam-change') {
    storage = JSON.stringify(detail.annotations);
    root.querySelector('pre')!.textContent = JSON.stringify(detail.annotations, null, 2);
  }
}

function reload(event: Event) {
  const root = (event.currentTarget as HTMLElement).closest('.host')!;
  root.querySelector<KolamBoxTool>('kolam-box-tool')!.annotations = JSON.parse(storage);
}

/**
 * A box tool wired to a stand-in store: every event is logged, `kolam-change` saves the set, and
 * "Reload from storage" sets `annotations` from code — which logs nothing. Press B then Enter in the
 * image to add a box with the keyboard, or drag.
 */
export const HostWiring: Story = {
  render: () => {
    storage = JSON.stringify(SAVED);
    return html`
      <div class="host" style="display:grid;grid-template-columns:minmax(0,1fr) 300px;gap:12px;font:14px system-ui">
        <kolam-label-set
          .annotator=${{ id: 'worker-17', name: 'Kumar' }}
          @kolam-create=${logEvent}
          @kolam-update=${logEvent}
          @kolam-delete=${logEvent}
          @kolam-select=${logEvent}
          @kolam-change=${logEvent}
          @kolam-error=${logEvent}
        >
          <kolam-label id="person" color="#d7263d" hotkey="p">Person</kolam-label>
          <kolam-label id="car" color="#2e86ab" hotkey="c">Car</kolam-label>
          <kolam-box-tool style="height:340px" src=${IMAGE} source="street.jpg" .annotations=${SAVED}></kolam-box-tool>
        </kolam-label-set>
        <section aria-label="Host storage">
          <button type="button" @click=${reload}>Reload from storage</button>
          <h3 style="margin:8px 0 4px;font-size:14px">Events, newest first</h3>
          <ol aria-label="Events" style="max-height:120px;overflow:auto;margin:0;padding-inline-start:20px"></ol>
          <h3 style="margin:8px 0 4px;font-size:14px">Saved JSON</h3>
          <pre tabindex="0" aria-label="Saved JSON" style="max-height:160px;overflow:auto;font-size:11px;background:#f4f5f7;color:#1f2328;padding:6px;margin:0"></pre>
        </section>
      </div>
    `;
  },
  play: async ({ canvasElement }) => {
    const tool = canvasElement.querySelector<KolamBoxTool>('kolam-box-tool')!;
    await waitFor(() => expect(tool.imageSize).not.toBe(null), { timeout: 5000 });
    const log = canvasElement.querySelector('ol')!;
    await expect(log.children).toHaveLength(0);

    tool.shadowRoot!.querySelector<HTMLElement>('[part~="viewport"]')!.focus();
    await userEvent.keyboard('b');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(log.textContent).toContain('kolam-create'));
    await expect(log.textContent).toContain('kolam-change (2)');
    const saved = JSON.parse(canvasElement.querySelector('pre')!.textContent!);
    await expect(saved[1].creator).toEqual({ id: 'worker-17', type: 'Person', name: 'Kumar' });

    const before = log.children.length;
    canvasElement.querySelector<HTMLButtonElement>('button')!.click();
    await tool.updateComplete;
    await expect(log.children).toHaveLength(before);
    await expect(tool.annotations).toHaveLength(2);
  },
};
