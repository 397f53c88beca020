// The React 19 + Vite example, as its user drives it: tag a word with the mouse, see the host's
// state and localStorage hold it, reload and see it again, delete it and take it back with Ctrl+Z.
// Once with the plain tags and once with kolam/react's @lit/react components.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveStatic } from '../static-server.mjs';
import { installExample, npmScript } from './prepare.mjs';
import { eventually, mod, savedCountIs, wordCentre } from './browser.mjs';

export function describeReact(env) {
  describe('examples/react (React 19 + Vite)', () => {
    let dir;
    let server;
    before(() => {
      dir = installExample(env.work, 'react');
    });
    after(() => server?.close());

    it('type-checks its .tsx with tsc: tags, props and e.detail typed, no any', () => {
      npmScript(dir, 'typecheck');
    });

    it('builds with Vite', async () => {
      npmScript(dir, 'build');
      server = await serveStatic(`${dir}/dist`);
    });

    for (const [variant, query, key] of [
      ['plain tags', '', 'kolam-react-plain'],
      ['kolam/react wrappers', '?wrappers', 'kolam-react-wrappers'],
    ]) {
      describe(`controlled useState, ${variant}`, () => {
        let context;
        let page;
        const stored = () => page.evaluate((key) => JSON.parse(window.localStorage.getItem(key) ?? '[]'), key);
        const quotes = (set) => set.map((a) => a.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact);
        before(async () => {
          context = await env.browser.newContext();
          page = await context.newPage();
          page.on('pageerror', (error) => env.pageErrors.push(`react ${variant}: ${error.message}`));
          await page.goto(server.url(`/${query}`));
          await page.waitForFunction(() => document.querySelector('kolam-span-tagger')?.shadowRoot?.textContent?.includes('Lovelace'));
        });
        after(() => context?.close());

        it('tags a double-clicked word and saves it on kolam-change', async () => {
          const { x, y } = await wordCentre(page, 'kolam-span-tagger', 'Babbage');
          await page.mouse.dblclick(x, y);
          await savedCountIs(page, 1);
          const saved = await eventually(stored, (s) => s.length === 1, 'one saved span');
          assert.deepEqual(quotes(saved), ['Babbage']);
          assert.equal(saved[0].body.find((b) => b.purpose === 'tagging')?.value, 'person');
        });

        it('shows the saved span after a reload', async () => {
          await page.reload();
          await page.waitForFunction(() => document.querySelector('kolam-span-tagger')?.annotations?.length === 1);
          await savedCountIs(page, 1);
          const shown = await page.evaluate(() => document.querySelector('kolam-span-tagger').annotations);
          assert.deepEqual(quotes(shown), ['Babbage']);
        });

        it('undoes a delete with Ctrl+Z and redoes it with Ctrl+Shift+Z, though the host echoes every set back', async () => {
          const { x, y } = await wordCentre(page, 'kolam-span-tagger', 'Babbage');
          await page.mouse.click(x, y);
          await page.waitForFunction(() => document.activeElement?.tagName === 'KOLAM-SPAN-TAGGER');
          await page.keyboard.press('Delete');
          await savedCountIs(page, 0);
          await eventually(stored, (s) => s.length === 0, 'the delete saved');
          await page.keyboard.press(`${mod}+z`);
          await savedCountIs(page, 1);
          const restored = await eventually(stored, (s) => s.length === 1, 'the undo saved');
          assert.deepEqual(quotes(restored), ['Babbage']);
          await page.keyboard.press(`${mod}+Shift+z`);
          await savedCountIs(page, 0);
          await eventually(stored, (s) => s.length === 0, 'the redo saved');
        });
      });
    }
  });
}
