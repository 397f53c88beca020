import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../src/label-set.js';
import type { KolamLabelSet } from '../src/label-set.js';

const meta: Meta = {
  title: 'Label set',
  component: 'kolam-label-set',
  parameters: {
    docs: {
      // The docs page's Keys section (.storybook/docs-page.ts); the set's JSDoc has no Keys paragraph.
      keys: 'In the picker: arrow keys move to the next or previous label and pick it (mirrored in right-to-left text), Home/End the first/last. Anywhere inside the set: 1–9 pick the n-th label, a label\'s own `hotkey` picks it.',
    },
  },
};
export default meta;

type Story = StoryObj;

const picker = (root: HTMLElement) => root.querySelector<KolamLabelSet>('kolam-label-set')!;
const radios = (set: KolamLabelSet) => [...set.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')];

/** Labels declared in markup, with colours and hotkeys. Click a label or press its key. */
export const FromMarkup: Story = {
  render: () => html`
    <kolam-label-set>
      <kolam-label id="person" color="#d7263d" hotkey="p">Person</kolam-label>
      <kolam-label id="place" color="#1b998b" hotkey="l">Place</kolam-label>
      <kolam-label id="org" color="#2e86ab" hotkey="o">Organisation</kolam-label>
    </kolam-label-set>
  `,
  play: async ({ canvasElement }) => {
    const set = picker(canvasElement);
    await set.updateComplete;
    radios(set)[1].click();
    await set.updateComplete;
    await expect(set.activeLabel).toBe('place');
    await expect(radios(set)[1].getAttribute('aria-checked')).toBe('true');
  },
};

/** Labels given as a property, in Tamil, Hindi and English, with palette colours. */
export const Multilingual: Story = {
  render: () => html`
    <kolam-label-set
      .labels=${[
        { id: 'person', name: 'நபர் · व्यक्ति · Person' },
        { id: 'place', name: 'இடம் · स्थान · Place' },
        { id: 'org', name: 'அமைப்பு · संगठन · Organisation' },
        { id: 'date', name: 'தேதி · तारीख़ · Date' },
      ]}
    ></kolam-label-set>
  `,
  play: async ({ canvasElement }) => {
    const set = picker(canvasElement);
    await set.updateComplete;
    await expect(radios(set)).toHaveLength(4);
    await expect(radios(set)[0].getAttribute('aria-checked')).toBe('true');
  },
};

/** Dark theme, via the `kolam-theme-dark` class. */
export const Dark: Story = {
  render: () => html`
    <div style="background:#101214;padding:12px">
      <kolam-label-set class="kolam-theme-dark" active-label="place">
        <kolam-label id="person" color="#ff6b6b" hotkey="p">Person</kolam-label>
        <kolam-label id="place" color="#4ecdc4" hotkey="l">Place</kolam-label>
      </kolam-label-set>
    </div>
  `,
};
