// The Vue 3 + Vite example with a plain `ref(saved)` (so the player is handed Vue's reactive
// Proxies), saving to its own tiny server: drag a segment on the waveform, type its transcript,
// see the server hold both, reload, delete it and take it back with Ctrl+Z.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { installExample, npmScript } from './prepare.mjs';
import { eventually, mod, savedCountIs, startServer } from './browser.mjs';

const transcriptOf = (a) => a.body.find((b) => b.type === 'TextualBody' && !b.purpose)?.value;

export function describeVue(env) {
  describe('examples/vue (Vue 3 + Vite, plain ref, a real server)', () => {
    let dir;
    let server;
    let context;
    let page;
    const stored = async () => (await globalThis.fetch(new URL('/api/annotations', server.url))).json();
    /** Viewport point of `seconds` on the waveform, inside the wave (below the time axis). */
    const pointAt = (seconds) =>
      page.evaluate((seconds) => {
        const player = document.querySelector('kolam-transcription-player');
        const wave = player.shadowRoot.querySelector('[part~="waveform"]');
        const rect = wave.getBoundingClientRect();
        return { x: rect.left + seconds * player.zoom - wave.scrollLeft, y: rect.top + 20 + (wave.clientHeight - 20) * 0.6 };
      }, seconds);
    const playerReady = () => page.waitForFunction(() => document.querySelector('kolam-transcription-player')?.waveformReady === true, null, { timeout: 15000 });

    before(() => {
      dir = installExample(env.work, 'vue');
    });
    after(async () => {
      await context?.close();
      server?.close();
    });

    it('type-checks its templates with vue-tsc: tags, props and $event.detail typed', () => {
      npmScript(dir, 'typecheck');
    });

    it('builds with Vite and starts its server', async () => {
      npmScript(dir, 'build');
      server = await startServer(dir, { DATA_FILE: join(dir, 'data/annotations.json') });
      context = await env.browser.newContext();
      page = await context.newPage();
      page.on('pageerror', (error) => env.pageErrors.push(`vue: ${error.message}`));
      await page.goto(server.url);
      await playerReady();
    });

    it('creates a segment from a drag and saves it to the server', async () => {
      const from = await pointAt(0.5);
      const to = await pointAt(2);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 8 });
      await page.mouse.up();
      await savedCountIs(page, 1);
      const saved = await eventually(stored, (s) => s.length === 1, 'one saved segment');
      assert.equal(saved[0].motivation, 'supplementing');
      assert.match(saved[0].target.selector.value, /^t=0\.\d+,(1\.9|2)\d*$/);
    });

    it('saves the transcript typed into the segment', async () => {
      const field = page.locator('kolam-transcription-player').locator('textarea').first();
      await field.click();
      await page.keyboard.type('welcome to kolam');
      await page.keyboard.press('Tab');
      const saved = await eventually(stored, (s) => s.length === 1 && transcriptOf(s[0]) === 'welcome to kolam', 'the transcript saved');
      assert.equal(transcriptOf(saved[0]), 'welcome to kolam');
    });

    it('shows the saved segment and transcript after a reload', async () => {
      await page.reload();
      await playerReady();
      await savedCountIs(page, 1);
      const field = page.locator('kolam-transcription-player').locator('textarea').first();
      assert.equal(await field.inputValue(), 'welcome to kolam');
    });

    it('undoes a delete with Ctrl+Z, though Vue sets its Proxy of each change back', async () => {
      const middle = await pointAt(1.2);
      await page.mouse.click(middle.x, middle.y);
      await page.waitForFunction(() => document.querySelector('kolam-transcription-player').shadowRoot.querySelector('[aria-selected="true"], [aria-current="true"]') !== null);
      await page.keyboard.press('Delete');
      await savedCountIs(page, 0);
      await eventually(stored, (s) => s.length === 0, 'the delete saved');
      await page.keyboard.press(`${mod}+z`);
      await savedCountIs(page, 1);
      const restored = await eventually(stored, (s) => s.length === 1, 'the undo saved');
      assert.equal(transcriptOf(restored[0]), 'welcome to kolam');
    });
  });
}
