import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/label-set.js';
import '../src/span-tagger.js';
import type { KolamSpanTagger } from '../src/span-tagger.js';
import { makeDocument, makeSpans, spanAnnotations } from '../test/fixtures/span-sample.js';

const meta: Meta = {
  title: 'Span tagger',
  component: 'kolam-span-tagger',
};
export default meta;

type Story = StoryObj;

const LABELS = [
  { id: 'person', name: 'Person', color: '#d7263d', hotkey: 'p' },
  { id: 'place', name: 'Place', color: '#1b998b', hotkey: 'l' },
  { id: 'org', name: 'Organisation', color: '#2e86ab', hotkey: 'o' },
  { id: 'date', name: 'Date', color: '#8e6c00', hotkey: 'd' },
];

/** Annotations on the first occurrence of each [word, label], as a host would store them. */
function tagged(text: string, pairs: [string, string][]) {
  return pairs.map(([word, label], i) => {
    const at = text.indexOf(word);
    const start = Array.from(text.slice(0, at)).length;
    const end = start + Array.from(word).length;
    return spanAnnotations(text, [{ start, end, exact: word, label }], 'urn:kolam:story').map((a) => ({ ...a, id: `urn:kolam:story:${i}` }))[0];
  });
}

const tagger = (root: HTMLElement) => root.querySelector<KolamSpanTagger>('kolam-span-tagger')!;
const textRegion = (el: KolamSpanTagger) => el.shadowRoot!.querySelector<HTMLElement>('[part="text"]')!;

const NEWS = `CHENNAI, 24 November — Chief Minister M. K. Stalin met executives of Hyundai Motor India on Monday to discuss a new electric-vehicle plant near Sriperumbudur.
The talks, held at the Secretariat, lasted two hours, officials said. Priya Raman, an analyst at CRISIL in Mumbai, called the plan "the state's boldest bet since 2008".`;

/**
 * A news paragraph with entities, labels from a `<kolam-label-set>`. Select text with the mouse
 * (drag, double-click), or use ←/→, Shift+←/→ and Enter; Tab walks the spans; 1–4 relabel.
 */
export const News: Story = {
  render: () => html`
    <kolam-label-set>
      <kolam-label id="person" color="#d7263d" hotkey="p">Person</kolam-label>
      <kolam-label id="place" color="#1b998b" hotkey="l">Place</kolam-label>
      <kolam-label id="org" color="#2e86ab" hotkey="o">Organisation</kolam-label>
      <kolam-label id="date" color="#8e6c00" hotkey="d">Date</kolam-label>
      <kolam-span-tagger
        source="https://example.org/news/42"
        .text=${NEWS}
        .annotations=${tagged(NEWS, [
          ['CHENNAI', 'place'],
          ['M. K. Stalin', 'person'],
          ['Hyundai Motor India', 'org'],
          ['Monday', 'date'],
          ['Sriperumbudur', 'place'],
        ])}
      ></kolam-span-tagger>
    </kolam-label-set>
  `,
  play: async ({ canvasElement }) => {
    const el = tagger(canvasElement);
    await el.updateComplete;
    textRegion(el).focus();
    // Caret to the end of "CHENNAI", then take "24 November" and tag it as a date (key 4 first).
    await userEvent.keyboard('4{ArrowRight}{Shift>}{ArrowRight}{ArrowRight}{/Shift}{Enter}');
    await waitFor(() => expect(el.annotations).toHaveLength(6));
    const made = el.annotations[5];
    await expect(made.body).toEqual([{ type: 'TextualBody', purpose: 'tagging', value: 'date' }]);
    await expect((made.target.selector as { exact?: string }[])[1].exact).toBe('24 November');
  },
};

const TAMIL_HINDI = `சென்னை மாநகராட்சி ஆணையர் ராதாகிருஷ்ணன் திங்கள்கிழமை செய்தியாளர்களைச் சந்தித்தார்.
प्रधानमंत्री नरेंद्र मोदी ने वाराणसी में गंगा घाट का उद्घाटन किया। 🙏🏽`;

/** Tamil and Hindi: word snapping keeps conjuncts and vowel signs whole; offsets are code points. */
export const TamilAndHindi: Story = {
  render: () => html`<kolam-span-tagger
    .labels=${LABELS}
    .text=${TAMIL_HINDI}
    .annotations=${tagged(TAMIL_HINDI, [
      ['சென்னை', 'place'],
      ['ராதாகிருஷ்ணன்', 'person'],
      ['नरेंद्र मोदी', 'person'],
      ['वाराणसी', 'place'],
    ])}
  ></kolam-span-tagger>`,
  play: async ({ canvasElement }) => {
    const el = tagger(canvasElement);
    await el.updateComplete;
    textRegion(el).focus();
    await userEvent.keyboard('{Tab}{Tab}{Tab}');
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    await waitFor(() => expect(status.textContent).toContain('Person: नरेंद्र मोदी'));
  },
};

const URDU = `لاہور میں وزیر اعظم نے نئے ہسپتال کا افتتاح کیا۔
Lahore: the Prime Minister opened a new hospital.`;

/** Urdu, right to left, beside an English line: each line takes its own direction. */
export const Urdu: Story = {
  render: () => html`<kolam-span-tagger
    lang="ur"
    .labels=${LABELS}
    .text=${URDU}
    .annotations=${tagged(URDU, [
      ['لاہور', 'place'],
      ['وزیر اعظم', 'person'],
    ])}
  ></kolam-span-tagger>`,
  play: async ({ canvasElement }) => {
    const el = tagger(canvasElement);
    await el.updateComplete;
    textRegion(el).focus();
    // In a right-to-left line, ← moves forward in reading order.
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}{Shift>}{ArrowLeft}{/Shift}{Enter}');
    await waitFor(() => expect(el.annotations).toHaveLength(3));
    await expect((el.annotations[2].target.selector as { exact?: string }[])[1].exact).toBe('نے');
  },
};

const OVERLAP = 'The Bank of England in London raised rates on Thursday.';

/** Nested and crossing spans: each keeps its tint, deeper ones get an underline; click picks the innermost. */
export const Overlapping: Story = {
  render: () => html`<kolam-span-tagger
    .labels=${LABELS}
    .text=${OVERLAP}
    .annotations=${tagged(OVERLAP, [
      ['The Bank of England', 'org'],
      ['England', 'place'],
      ['England in London', 'place'],
      ['London', 'place'],
      ['Thursday', 'date'],
    ])}
  ></kolam-span-tagger>`,
  play: async ({ canvasElement }) => {
    const el = tagger(canvasElement);
    await el.updateComplete;
    textRegion(el).focus();
    const picked: (string | undefined)[] = [];
    el.addEventListener('kolam-select', (e) => picked.push(e.detail.annotation?.id));
    await userEvent.keyboard('{Tab}{Tab}{Tab}');
    await expect(picked).toEqual(['urn:kolam:story:0', 'urn:kolam:story:2', 'urn:kolam:story:1']);
  },
};

/** Dark theme (the `kolam-theme-dark` class), with nested spans and a suggestion to review (N, Enter). */
export const Dark: Story = {
  render: () => html`<div style="background:#101214;padding:12px">
    <kolam-span-tagger
      class="kolam-theme-dark"
      .annotator=${{ id: 'reviewer-1', name: 'Meena' }}
      .labels=${LABELS}
      .text=${OVERLAP}
      .annotations=${[
        ...tagged(OVERLAP, [
          ['The Bank of England', 'org'],
          ['England', 'place'],
          ['London', 'place'],
        ]),
        {
          ...tagged(OVERLAP, [['Thursday', 'date']])[0],
          id: 'urn:kolam:story:suggested',
          creator: { id: 'ner-model', type: 'Software' },
        },
      ]}
    ></kolam-span-tagger>
  </div>`,
  play: async ({ canvasElement }) => {
    const el = tagger(canvasElement);
    await el.updateComplete;
    textRegion(el).focus();
    await userEvent.keyboard('n{Enter}');
    await waitFor(() => expect(el.annotations[3].creator).toEqual({ id: 'reviewer-1', type: 'Person', name: 'Meena' }));
    await expect(el.annotations[3].generator).toEqual({ id: 'ner-model', type: 'Software' });
  },
};

/** Readonly: spans can be selected and read, not made or changed. */
export const Readonly: Story = {
  render: () => html`<kolam-span-tagger
    readonly
    .labels=${LABELS}
    .text=${NEWS}
    .annotations=${tagged(NEWS, [
      ['M. K. Stalin', 'person'],
      ['CRISIL', 'org'],
    ])}
  ></kolam-span-tagger>`,
  play: async ({ canvasElement }) => {
    const el = tagger(canvasElement);
    await el.updateComplete;
    textRegion(el).focus();
    await userEvent.keyboard('{Tab}{Delete}{Shift>}{ArrowRight}{/Shift}{Enter}');
    await expect(el.annotations).toHaveLength(2);
  },
};

/**
 * A 1 MB document ("Pride and Prejudice", chapter 1, repeated) with 10,000 spans. Scroll it, tag in
 * it: spans are CSS highlights and off-screen text is not laid out.
 */
export const LargeDocument: Story = {
  render: () => {
    const text = makeDocument(1_000_000);
    return html`<kolam-span-tagger
      style="--kolam-span-tagger-max-height: 24rem"
      .labels=${LABELS}
      .text=${text}
      .annotations=${spanAnnotations(text, makeSpans(text, 10_000))}
    ></kolam-span-tagger>`;
  },
  play: async ({ canvasElement }) => {
    const el = tagger(canvasElement);
    await el.updateComplete;
    await expect(el.annotations).toHaveLength(10_000);
    textRegion(el).focus();
    await userEvent.keyboard('{Tab}');
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    await waitFor(() => expect(status.textContent).toContain(': Chapter'));
  },
};
