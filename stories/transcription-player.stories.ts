import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { Annotation, Label } from '../src/annotation.js';
import '../src/label-set.js';
import '../src/transcription-player.js';
import type { AudiowaveformJson, KolamTranscriptionPlayer } from '../src/transcription-player.js';
import { editingCode } from '../src/transcription-player/editing-slot.js';

const meta: Meta = {
  title: 'Transcription player',
  component: 'kolam-transcription-player',
};
export default meta;

type Story = StoryObj;

/**
 * Media made by `npm run fixtures` (scripts/fixtures/audio.mjs). Storybook serves test/fixtures at
 * /fixtures; the story tests run under the test runner, which serves the repository root.
 */
const underTestRunner = new URLSearchParams(location.search).has('wtr-session-id');
const fixture = (name: string) => `${underTestRunner ? '/test/fixtures' : '/fixtures'}/generated/${name}`;

const SPEAKERS: Label[] = [
  { id: 'ana', name: 'Ana', color: '#0072b2' },
  { id: 'bala', name: 'Bala', color: '#d55e00' },
];

function segment(id: string, start: number, end: number, text: string, speaker?: string, language?: string): Annotation {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'Annotation',
    motivation: 'supplementing',
    body: [
      { type: 'TextualBody', value: text, format: 'text/plain', ...(language ? { language } : {}) },
      ...(speaker ? [{ type: 'TextualBody' as const, purpose: 'tagging', value: speaker }] : []),
    ],
    target: { source: 'speech.wav', selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: `t=${start},${end}` } },
  };
}

/** What a speech recogniser might hand over: right words, a few wrong. */
const SPEECH_SEGMENTS = [
  segment('s1', 0.3, 3.1, 'The quick brown fox jumps over the lazy dog.', 'ana'),
  segment('s2', 3.7, 7.5, 'Transcribers correct speech recognition all day lung.', 'bala'),
  segment('s3', 8.1, 11.4, 'Every segment has its own transcript.', 'ana'),
];

const player = (root: HTMLElement) => root.querySelector<KolamTranscriptionPlayer>('kolam-transcription-player')!;

async function ready(root: HTMLElement): Promise<KolamTranscriptionPlayer> {
  const el = player(root);
  await waitFor(() => expect(el.waveformReady && el.duration > 0).toBe(true), { timeout: 10000 });
  await el.updateComplete;
  return el;
}

const field = (el: KolamTranscriptionPlayer, id: string) => el.shadowRoot!.querySelector<HTMLTextAreaElement>(`li[data-id="${id}"] textarea`)!;

/**
 * A short speech clip with three segments and two speakers from a label set. Escape plays and
 * pauses, F1/F2 skip, F3/F4 change speed — also while typing. Ctrl+Enter splits, Ctrl+M merges.
 */
export const SpeechClip: Story = {
  render: () => html`<kolam-label-set .labels=${SPEAKERS}>
    <kolam-transcription-player src=${fixture('speech.wav')} language="en" .annotations=${SPEECH_SEGMENTS}></kolam-transcription-player>
  </kolam-label-set>`,
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const updates: Annotation[] = [];
    el.addEventListener('kolam-update', (e) => updates.push(e.detail.annotation));
    const text = field(el, 's2');
    // Correct the recogniser's "lung" to "long".
    await userEvent.type(text, 'long', { initialSelectionStart: text.value.length - 5, initialSelectionEnd: text.value.length - 1 });
    await expect(updates).toHaveLength(0);
    text.blur();
    await expect(updates).toHaveLength(1);
    await expect(updates[0].body[0]).toMatchObject({ value: 'Transcribers correct speech recognition all day long.' });
  },
};

/** The same clip for review only: no drags, no typing. */
export const Readonly: Story = {
  render: () => html`<kolam-transcription-player readonly src=${fixture('speech.wav')} .labels=${SPEAKERS} .annotations=${SPEECH_SEGMENTS}></kolam-transcription-player>`,
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await expect(field(el, 's1').readOnly).toBe(true);
    await expect(el.shadowRoot!.querySelector('[part~="edge"]')).toBeNull();
  },
};

/** A video: the picture shows above the waveform; the waveform is its sound. */
export const Video: Story = {
  render: () => html`<kolam-transcription-player src=${fixture('video.webm')} .annotations=${SPEECH_SEGMENTS}></kolam-transcription-player>`,
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const video = el.shadowRoot!.querySelector('video')!;
    await waitFor(() => expect(video.hidden).toBe(false), { timeout: 10000 });
  },
};

/** Tamil and Hindi speech, with transcripts tagged by language for spell-check and fonts. */
export const TamilAndHindi: Story = {
  render: () => html`<kolam-transcription-player
    src=${fixture('speech-ta-hi.wav')}
    language="ta"
    .annotations=${[segment('ta', 0.3, 2.9, 'வணக்கம், இது ஒரு சோதனை.', undefined, 'ta'), segment('hi', 3.4, 5.8, 'नमस्ते, यह एक परीक्षण है।', undefined, 'hi')]}
  ></kolam-transcription-player>`,
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await expect(field(el, 'hi').lang).toBe('hi');
  },
};

/** Peaks for a recording of `hours`, fetched once and shared by the stories. */
let peaksRequest: Promise<AudiowaveformJson> | undefined;
const threeHourPeaks = () => (peaksRequest ??= fetch(fixture('three-hours.peaks.json')).then((r) => r.json()));

function withPeaks(annotations: Annotation[] = []) {
  return html`<kolam-transcription-player
    .annotations=${annotations}
    ${ref((el) => {
      if (el) void threeHourPeaks().then((peaks) => ((el as KolamTranscriptionPlayer).peaks = peaks));
    })}
  ></kolam-transcription-player>`;
}

/**
 * Dark theme via the `kolam-theme-dark` class: waveform, segments, the current row and the
 * transcript fields on a dark ground (the toolbar's theme toggle does this for every story).
 */
export const Dark: Story = {
  render: () => html`<kolam-label-set class="kolam-theme-dark" .labels=${SPEAKERS}>
    <kolam-transcription-player class="kolam-theme-dark" src=${fixture('speech.wav')} language="en" .annotations=${SPEECH_SEGMENTS}></kolam-transcription-player>
  </kolam-label-set>`,
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await expect(getComputedStyle(el).colorScheme).toBe('dark');
    el.select('s2');
    await waitFor(() => expect(el.shadowRoot!.querySelector('li[part~="selected"]')?.getAttribute('data-id')).toBe('s2'));
  },
};

/**
 * Three hours drawn from audiowaveform peaks (no audio decoded): zoom with the wheel, `+`/`-`, or
 * the slider; only the visible part is ever drawn.
 */
export const ThreeHoursFromPeaks: Story = {
  render: () => withPeaks(),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await expect(Math.round(el.duration)).toBe(3 * 3600);
    el.zoom = 100;
    await el.updateComplete;
    await expect(el.shadowRoot!.querySelectorAll('canvas').length).toBeLessThan(6);
  },
};

/** 2,000 segments over three hours: the list and the waveform stay quick. */
export const TwoThousandSegments: Story = {
  render: () =>
    withPeaks(
      Array.from({ length: 2000 }, (_, i) => segment(`seg-${i}`, i * 5.4, i * 5.4 + 4.8, `Segment ${i + 1}: words the recogniser heard.`, i % 3 ? 'ana' : 'bala')),
    ),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const rows = el.shadowRoot!.querySelectorAll('li[data-id]');
    // The list is windowed: a screenful of rows, each saying where it sits in the 2,000.
    await expect(rows.length).toBeLessThan(60);
    await expect(rows[0].getAttribute('aria-setsize')).toBe('2000');
    el.zoom = 50;
    el.currentTime = 1000 * 5.4 + 1;
    await el.updateComplete;
    await waitFor(() => expect(el.shadowRoot!.querySelector('li[aria-current="true"]')?.getAttribute('data-id')).toBe('seg-1000'));
  },
};

/** A megabyte of Tamil with no line break, as one model pass might hand over one long segment. */
function megabyteOfTamil(): string {
  const words = 'நான் இன்று காலை பள்ளிக்குப் போனேன் அங்கே ஆசிரியர் ஒரு கதை சொன்னார் நாங்கள் கேட்டோம்'.split(' ');
  const out: string[] = [];
  for (let i = 0, length = 0; length < 1 << 20; i++) {
    const word = words[(i * 5) % words.length];
    out.push(word);
    length += word.length + 1;
  }
  return out.join(' ').slice(0, 1 << 20);
}

/**
 * A transcript of a megabyte on one line, beside short ones with emoji, from a diariser that gave
 * ids but no names (`spk_0`, a URL). The long one is edited a part of about 1,000 characters at a
 * time (cut between words), so the page stays quick; the speakers read "Speaker 1", "Speaker 2".
 */
export const VeryLongTranscript: Story = {
  render: () => html`<kolam-transcription-player
    src=${fixture('speech.wav')}
    language="ta"
    .annotations=${[
      segment('long', 0.3, 3.1, megabyteOfTamil(), 'spk_0', 'ta'),
      segment('short', 3.7, 7.5, 'A short one after it 🙂 👩🏽‍💻 🎉', 'https://example.org/speakers/2', 'en'),
      segment('again', 8.1, 11.4, 'வணக்கம் 🙏 नमस्ते', 'spk_0'),
    ]}
  ></kolam-transcription-player>`,
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const parts = () => el.shadowRoot!.querySelector('li[data-id="long"] [part~="transcript-parts"]')!;
    await expect(field(el, 'long').value.length).toBeLessThan(1500);
    await userEvent.click(parts().querySelectorAll('button')[1]);
    await waitFor(() => expect(parts().textContent).toMatch(/\b2\b/));
    await expect(el.annotations[0].body[0].value).toHaveLength(1 << 20);
    const names = [...el.shadowRoot!.querySelectorAll('li[data-id] [part="speaker"]')].map((s) => s.textContent!.trim());
    await expect(names).toHaveLength(3);
    await expect(names.join(' ')).not.toMatch(/spk_|https:/);
  },
};

/**
 * A diariser's output with ids and no names or label list: each speaker reads "Speaker n" and has
 * a colour of its own, the same on the waveform, in the list and in the overview (and after a
 * reload, for the same recording).
 */
export const DiarisedSpeakers: Story = {
  render: () => html`<kolam-transcription-player
    src=${fixture('speech.wav')}
    language="en"
    .annotations=${[
      segment('a', 0.3, 1.9, 'Good morning, everyone.', 'SPEAKER_00'),
      segment('b', 2.1, 3.6, 'Morning!', 'SPEAKER_01'),
      segment('c', 3.8, 5.2, 'Shall we start?', 'spk_2'),
      segment('d', 5.4, 7, 'Yes, the agenda first.', 'https://example.org/speakers/9'),
      segment('e', 7.2, 8.8, 'Agreed.', 'SPEAKER_00'),
    ]}
  ></kolam-transcription-player>`,
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const chips = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.segment-label')];
    // "Speaker n" in the page's language (பேச்சாளர் n, वक्ता n): read the numbers, and that the same speaker reads the same.
    const names = chips.map((c) => c.textContent!.trim());
    await expect(names.map((n) => n.replace(/\D/g, ''))).toEqual(['1', '2', '3', '4', '1']);
    await expect(names[4]).toBe(names[0]);
    const colours = chips.map((c) => getComputedStyle(c).backgroundColor);
    await expect(new Set(colours.slice(0, 4)).size).toBe(4);
    await expect(colours[4]).toBe(colours[0]);
  },
};

/**
 * A file that is not audio: the player says so in the view and fires `kolam-error`. Play, skip,
 * speed, loop and zoom are disabled and nothing is drawn where there is no audio; the segments stay
 * listed and editable below.
 */
export const FailingSource: Story = {
  render: () => html`<kolam-label-set .labels=${SPEAKERS}>
    <kolam-transcription-player src=${fixture('broken.wav')} .annotations=${SPEECH_SEGMENTS}></kolam-transcription-player>
  </kolam-label-set>`,
  play: async ({ canvasElement }) => {
    const el = player(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('.status.error')).not.toBeNull(), { timeout: 10000 });
    await el.updateComplete;
    await expect(el.shadowRoot!.querySelector<HTMLButtonElement>('[part="play"]')!.disabled).toBe(true);
    await expect(el.shadowRoot!.querySelector<HTMLInputElement>('[part="zoom"]')!.disabled).toBe(true);
    await expect(el.shadowRoot!.querySelectorAll('[part~="waveform"] [part~="segment"]')).toHaveLength(0);
    await expect(el.shadowRoot!.querySelectorAll('li[data-id]')).toHaveLength(3);
  },
};

/**
 * The segments' code (their store, the list and editing) could not be fetched (offline, a broken
 * deploy): the waveform, playback and seeking still work, the list's place says what is missing,
 * the host still gets back the annotations it gave, and hears one `kolam-error`
 * (`code-unavailable`). The next key or press tries again.
 */
export const EditingCodeUnavailable: Story = {
  render: () => {
    // This element's first fetch fails; the next one (a key, a press) reaches the real code.
    const load = editingCode.load;
    editingCode.load = () => {
      editingCode.load = load;
      return Promise.reject(new Error('offline (this story)'));
    };
    return html`<kolam-label-set .labels=${SPEAKERS}>
      <kolam-transcription-player src=${fixture('speech.wav')} .annotations=${SPEECH_SEGMENTS}></kolam-transcription-player>
    </kolam-label-set>`;
  },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="list"][role="alert"]')).not.toBeNull(), { timeout: 10000 });
    await expect(el.shadowRoot!.querySelector<HTMLButtonElement>('[part="play"]')!.disabled).toBe(false);
    await expect(el.shadowRoot!.querySelectorAll('[part~="waveform"] [part~="segment"]')).toHaveLength(0);
    await expect(el.shadowRoot!.querySelectorAll('li[data-id]')).toHaveLength(0);
    await expect(el.annotations.map((a) => a.id)).toEqual(SPEECH_SEGMENTS.map((a) => a.id));
  },
};
