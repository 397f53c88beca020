import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/box-tool.js';
import '../src/label-set.js';
import type { KolamBoxTool } from '../src/box-tool.js';
import type { Annotation, Label } from '../src/annotation.js';

const meta: Meta = {
  title: 'Box tool',
  component: 'kolam-box-tool',
};
export default meta;

type Story = StoryObj;

const LABELS: Label[] = [
  { id: 'person', name: 'Person', color: '#e6194b', hotkey: 'p' },
  { id: 'car', name: 'Car', color: '#3cb44b', hotkey: 'c' },
  { id: 'bike', name: 'Bicycle', color: '#ffe119', hotkey: 'b' },
  { id: 'sign', name: 'Sign', color: '#4363d8', hotkey: 's' },
];

/** A drawn "street": light sky, dark road and coloured blocks, so labels are seen on both. */
function street(width = 1600, height = 1200): string {
  const blocks = [0, 1, 2, 3, 4, 5]
    .map((i) => `<rect x="${(i * 2 + 1) * (width / 12)}" y="${height * 0.44}" width="${width / 12}" height="${height * 0.25}" fill="${['#c83c32', '#285aaa', '#e6c83c', '#46965a', '#9696a0', '#141418'][i]}"/>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="s" x2="0" y2="1"><stop offset="0" stop-color="#aac8f5"/><stop offset="1" stop-color="#e6f0fa"/></linearGradient></defs><rect width="100%" height="55%" fill="url(#s)"/><rect y="55%" width="100%" height="45%" fill="#25282c"/>${blocks}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** `count` boxes spread over the image from a seeded generator (same every time). */
function boxes(count: number, width = 1600, height = 1200): Annotation[] {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, (_, i) => {
    const w = Math.round(20 + rand() * 140);
    const h = Math.round(20 + rand() * 140);
    return {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `#box-${i}`,
      type: 'Annotation',
      motivation: 'tagging',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: LABELS[i % LABELS.length].id }],
      target: {
        source: 'street.png',
        selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: `xywh=pixel:${Math.round(rand() * (width - w))},${Math.round(rand() * (height - h))},${w},${h}` },
      },
    };
  });
}

const tool = (root: HTMLElement) => root.querySelector<KolamBoxTool>('kolam-box-tool')!;
async function loaded(root: HTMLElement): Promise<KolamBoxTool> {
  const el = tool(root);
  await waitFor(() => expect(el.imageSize !== null && el.viewport.width > 0).toBe(true), { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** An image with no boxes yet. Drag to draw; or press B, move with arrows, size with Alt+arrows, Enter. */
export const EmptyImage: Story = {
  render: () => html`<kolam-box-tool style="height:420px" src=${street()} .labels=${LABELS}></kolam-box-tool>`,
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    el.focus();
    await userEvent.keyboard('x'); // no action: nothing happens
    el.startKeyboardBox();
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}{Alt>}{ArrowDown}{/Alt}');
    await userEvent.keyboard('{Enter}');
    await expect(el.annotations).toHaveLength(1);
    await expect(el.annotations[0].body[0]).toMatchObject({ value: 'person' });
  },
};

/** Thirty boxes of four labels; Tab walks them, arrows nudge the selected one. */
export const ManyBoxes: Story = {
  render: () => html`<kolam-box-tool style="height:420px" src=${street()} .labels=${LABELS} .annotations=${boxes(30)}></kolam-box-tool>`,
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    el.focus();
    await userEvent.keyboard('{Tab}');
    await expect(el.store.selectedId).not.toBeNull();
  },
};

/** `readonly`: boxes can be selected and the image zoomed, nothing edited. */
export const Readonly: Story = {
  render: () => html`<kolam-box-tool readonly style="height:420px" src=${street()} .labels=${LABELS} .annotations=${boxes(12)}></kolam-box-tool>`,
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    el.focus();
    await userEvent.keyboard('{Tab}{Delete}');
    await expect(el.annotations).toHaveLength(12);
  },
};

/** Dark theme via the `kolam-theme-dark` class; labels keep their chips on any ground. */
export const DarkTheme: Story = {
  render: () => html`<div style="background:#101214;padding:12px">
    <kolam-box-tool class="kolam-theme-dark" style="height:420px" src=${street()} .labels=${LABELS} .annotations=${boxes(20)}></kolam-box-tool>
  </div>`,
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    // The biggest box: eight handles on it (a box under 24 px on screen gets four, outside it).
    const area = (a: Annotation) => {
      const [, , w, h] = (a.target as { selector: { value: string } }).selector.value.split(',').map(Number);
      return w * h;
    };
    el.select([...el.annotations].sort((a, b) => area(b) - area(a))[0].id);
    await el.updateComplete;
    await expect(el.shadowRoot!.querySelectorAll('[part="handle"]')).toHaveLength(8);
  },
};

/** Inside a `<kolam-label-set>`: its picker sets the label of new boxes; hotkeys relabel. */
export const WithLabelSet: Story = {
  render: () => html`<kolam-label-set>
    <kolam-label id="person" color="#e6194b" hotkey="p">Person</kolam-label>
    <kolam-label id="car" color="#3cb44b" hotkey="c">Car</kolam-label>
    <kolam-label id="sign" color="#4363d8" hotkey="s">Sign</kolam-label>
    <kolam-box-tool style="height:400px;margin-top:8px" src=${street()}></kolam-box-tool>
  </kolam-label-set>`,
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    const set = canvasElement.querySelector('kolam-label-set')!;
    await userEvent.click(set.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')[1]);
    el.focus();
    await userEvent.keyboard('b{Enter}');
    await expect(el.annotations[0].body[0]).toMatchObject({ value: 'car' });
    await userEvent.keyboard('s');
    await expect(el.annotations[0].body[0]).toMatchObject({ value: 'sign' });
  },
};

/** 2,000 boxes: drawn on one canvas, so zoom, pan and drags stay at frame rate. */
export const TwoThousandBoxes: Story = {
  render: () => html`<kolam-box-tool style="height:480px" src=${street(4000, 3000)} .labels=${LABELS} .annotations=${boxes(2000, 4000, 3000)}></kolam-box-tool>`,
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    await expect(el.store.shown).toHaveLength(2000);
    el.focus();
    await userEvent.keyboard('{+}{+}');
    await expect(el.zoom).toBeGreaterThan(1.5);
  },
};

/** An image that fails to load: a message, and `kolam-error` with code `image-error`. */
export const FailingImage: Story = {
  render: () => html`<kolam-box-tool style="height:240px" src="data:image/png;base64,bm90IGFuIGltYWdl" .labels=${LABELS}></kolam-box-tool>`,
  play: async ({ canvasElement }) => {
    const el = tool(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="error"]')).not.toBeNull(), { timeout: 5000 });
  },
};
