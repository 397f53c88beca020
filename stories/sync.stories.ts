import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, render } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/box-tool.js';
import '../src/label-set.js';
import '../src/sync-status.js';
import { connectSync } from '../src/sync.js';
import type { KolamBoxTool } from '../src/box-tool.js';
import { StandInServer } from './sync-stand-in.js';
import { describeSyncState } from '../src/sync/sync-status.js';

const meta: Meta = {
  title: 'Saving to a server',
  component: 'kolam-sync-status',
  parameters: {
    docs: {
      description: {
        component:
          '`connectSync(root, { container, source })` saves every edit to a W3C Web Annotation server, offline first: each change goes to an IndexedDB outbox before any request, and the outbox drains when the server is back. `<kolam-sync-status>` tells the annotator where their work is. Storybook runs no server, so this story talks to a **stand-in in the page** (labelled below) through `options.fetch`; with `npm run server` you pass its container URL instead.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

const IMAGE = `data:image/svg+xml,${encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="1200" height="440" fill="#bcd4f0"/><rect y="440" width="1200" height="360" fill="#2a2d31"/><rect x="700" y="340" width="320" height="200" fill="#285aaa"/></svg>`,
)}`;

/**
 * Draw a box (drag, or B then Enter), then take the stand-in server offline and draw more: the
 * status counts the edits waiting. Bring it back and they are sent, each once.
 */
export const SavingToAServer: Story = {
  name: 'Saving to a server',
  render: () => {
    const server = new StandInServer();
    const root = document.createElement('div');
    root.style.cssText = 'display:grid;grid-template-columns:minmax(0,1fr) 280px;gap:12px;font:14px system-ui';
    const held = () => {
      const list = root.querySelector('[data-held]');
      if (list) list.textContent = server.held.map((a) => String(a.id).slice(-12)).join('\n') || '(nothing yet)';
    };
    server.onchange = held;
    const toggle = (event: Event) => {
      server.online = !server.online;
      (event.currentTarget as HTMLButtonElement).textContent = server.online ? 'Take the server offline' : 'Bring the server back';
      root.querySelector('[data-network]')!.textContent = server.online ? 'online' : 'offline';
      if (server.online) dispatchEvent(new Event('online'));
    };
    // Render the template into the root, then connect: the tools are in place to load into.
    render(
      html`
        <kolam-label-set .annotator=${{ id: 'worker-17', name: 'Kumar' }}>
          <kolam-label id="car" color="#2e86ab" hotkey="c">Car</kolam-label>
          <kolam-box-tool style="height:320px" src=${IMAGE} source="street.jpg"></kolam-box-tool>
        </kolam-label-set>
        <section aria-label="Stand-in server">
          <p style="margin:0 0 8px"><kolam-sync-status></kolam-sync-status></p>
          <p style="margin:0 0 8px;padding:6px;border:1px dashed #8a6d00;background:#fff8db;color:#3d3000">
            <strong>Stand-in for the network</strong> — a fake server in this page (Storybook runs none). It is
            <strong data-network>online</strong>.
          </p>
          <button type="button" @click=${toggle}>Take the server offline</button>
          <h3 style="margin:8px 0 4px;font-size:14px">The stand-in holds</h3>
          <pre data-held tabindex="0" aria-label="Annotations the stand-in server holds" style="font-size:11px;background:#f4f5f7;color:#1f2328;padding:6px;margin:0;min-height:3em">(nothing yet)</pre>
        </section>
      `,
      root,
    );
    (root as unknown as { sync: unknown }).sync = connectSync(root, {
      container: server.container,
      source: 'street.jpg',
      fetch: server.fetch,
      database: `kolam-sync-story-${crypto.randomUUID()}`,
      minDelay: 200,
      maxDelay: 1000,
    });
    return root;
  },
  play: async ({ canvasElement }) => {
    const status = () => canvasElement.querySelector('kolam-sync-status')!.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();
    const held = () => canvasElement.querySelector('[data-held]')!.textContent!;
    await waitFor(() => expect(canvasElement.querySelector<KolamBoxTool>('kolam-box-tool')?.imageSize).toBeTruthy(), { timeout: 5000 });
    const tool = canvasElement.querySelector<KolamBoxTool>('kolam-box-tool')!;
    const addBox = async () => {
      tool.shadowRoot!.querySelector<HTMLElement>('[part~="viewport"]')!.focus();
      await userEvent.keyboard('b');
      await userEvent.keyboard('{Enter}');
    };
    await addBox();
    // The sentence in the language the story is shown in (Storybook's globe: en, ta or hi), read
    // inside each retry, since the translations may still be loading when the play starts.
    const saved = () => describeSyncState({ status: 'saved', waiting: 0, error: null });
    await waitFor(() => expect(status()).toBe(saved()), { timeout: 5000 });
    await expect(held().split('\n')).toHaveLength(1);

    await userEvent.click(canvasElement.querySelector('button')!);
    await addBox();
    await addBox();
    await waitFor(() => expect(status()).toBe(describeSyncState({ status: 'offline', waiting: 2, error: null })), { timeout: 5000 });

    await userEvent.click(canvasElement.querySelector('button')!);
    await waitFor(() => expect(status()).toBe(saved()), { timeout: 8000 });
    await expect(held().split('\n')).toHaveLength(3);
    await expect(tool.annotations).toHaveLength(3);
  },
};
