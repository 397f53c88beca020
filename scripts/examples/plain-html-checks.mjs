// The plain page (no bundler, kolam.bundle.js, no inline script) served with the strict policy of
// CONTRACT §9 as a real header: draw a box with the mouse where the contract says it lands, see it
// saved, reload, delete and undo — and the browser reports no policy violation on the way.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { installExample } from './prepare.mjs';
import { eventually, mod, savedCountIs, startServer } from './browser.mjs';

/** A page whose CSP and Trusted Types reports land in `violations` (init scripts are not page scripts). */
async function policedPage(env, violations, name) {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 } });
  await context.exposeBinding('reportViolation', (_, v) => violations.push(v));
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`.trim())),
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => env.pageErrors.push(`${name}: ${error.message}`));
  return { context, page };
}

export function describePlainHtml(env) {
  describe('examples/plain-html (no bundler, strict CSP + Trusted Types)', () => {
    let server;
    let context;
    let page;
    const violations = [];
    const stored = () => page.evaluate(() => JSON.parse(window.localStorage.getItem('kolam-boxes') ?? '[]'));
    const box = async () => page.evaluate(() => document.querySelector('kolam-box-tool').getBoundingClientRect().toJSON());
    const imageReady = () =>
      page.waitForFunction(() => {
        const img = document.querySelector('kolam-box-tool')?.shadowRoot?.querySelector('img[part~="image"]');
        return img?.complete && img.naturalWidth > 0;
      });

    before(async () => {
      const dir = installExample(env.work, 'plain-html');
      server = await startServer(dir);
      ({ context, page } = await policedPage(env, violations, 'plain-html'));
    });
    after(async () => {
      await context?.close();
      server?.close();
    });

    it('is served with the strict policy, which the browser enforces', async () => {
      const response = await page.goto(server.url);
      assert.match(response.headers()['content-security-policy'], /require-trusted-types-for 'script'/);
      const enforced = await page.evaluate(() => {
        const results = {};
        try {
          document.createElement('div').innerHTML = '<b>x</b>';
          results.html = 'allowed';
        } catch {
          results.html = 'blocked';
        }
        return results;
      });
      assert.deepEqual(enforced, { html: 'blocked' }, 'a string assigned to innerHTML must be refused by Trusted Types');
      // The report is an event, fired after the refusal: wait for it, so the listener is known to work.
      await eventually(() => violations, (v) => v.some((line) => line.includes('<b>x</b>')), 'the probe reported as a violation');
      violations.length = 0; // that report was ours; from here on, every report is Kolam's
      await imageReady();
    });

    it('shows the image contained in the element, as CONTRACT §5 lays it out', async () => {
      const rect = await page.evaluate(() => document.querySelector('kolam-box-tool').shadowRoot.querySelector('img[part~="image"]').getBoundingClientRect().toJSON());
      const el = await box();
      assert.deepEqual([rect.left, rect.top, rect.width, rect.height].map(Math.round), [el.left, el.top, 800, 600].map(Math.round));
    });

    it('draws a box in natural pixels and saves it to localStorage', async () => {
      const el = await box();
      await page.mouse.move(el.left + 100, el.top + 100);
      await page.mouse.down();
      await page.mouse.move(el.left + 300, el.top + 200, { steps: 8 });
      await page.mouse.up();
      await savedCountIs(page, 1);
      const saved = await eventually(stored, (s) => s.length === 1, 'one saved box');
      assert.equal(saved[0].target.selector.value, 'xywh=pixel:200,200,400,200');
      assert.equal(saved[0].body.find((b) => b.purpose === 'tagging')?.value, 'car');
    });

    it('shows the saved box after a reload', async () => {
      await page.reload();
      await imageReady();
      await savedCountIs(page, 1);
      const shown = await page.evaluate(() => document.querySelector('kolam-box-tool').annotations.map((a) => a.target.selector.value));
      assert.deepEqual(shown, ['xywh=pixel:200,200,400,200']);
    });

    it('deletes the clicked box and brings it back with Ctrl+Z', async () => {
      const el = await box();
      await page.mouse.click(el.left + 200, el.top + 150);
      await page.keyboard.press('Delete');
      await savedCountIs(page, 0);
      await page.keyboard.press(`${mod}+z`);
      await savedCountIs(page, 1);
      const saved = await eventually(stored, (s) => s.length === 1, 'the undo saved');
      assert.equal(saved[0].target.selector.value, 'xywh=pixel:200,200,400,200');
    });

    it('met no Content Security Policy or Trusted Types violation', () => {
      assert.deepEqual(violations, []);
    });

    describe('transcribe.html: the player under the same policy', () => {
      let context;
      let page;
      const violations = [];
      const stored = () => page.evaluate(() => JSON.parse(window.localStorage.getItem('kolam-segments') ?? '[]'));
      before(async () => {
        ({ context, page } = await policedPage(env, violations, 'plain-html transcribe'));
      });
      after(() => context?.close());

      it('draws the waveform (decoded off the main thread or, failing that, on it)', async () => {
        await page.goto(server.url + 'transcribe.html');
        await page.waitForFunction(() => document.querySelector('kolam-transcription-player')?.waveformReady === true, null, { timeout: 15000 });
      });

      it('creates a segment from a drag and saves it', async () => {
        const [from, to] = await page.evaluate(() => {
          const player = document.querySelector('kolam-transcription-player');
          const wave = player.shadowRoot.querySelector('[part~="waveform"]');
          const rect = wave.getBoundingClientRect();
          const y = rect.top + 20 + (wave.clientHeight - 20) * 0.6;
          return [0.4, 1.6].map((t) => ({ x: rect.left + t * player.zoom - wave.scrollLeft, y }));
        });
        await page.mouse.move(from.x, from.y);
        await page.mouse.down();
        await page.mouse.move(to.x, to.y, { steps: 8 });
        await page.mouse.up();
        await savedCountIs(page, 1);
        const saved = await eventually(stored, (s) => s.length === 1, 'one saved segment');
        assert.equal(saved[0].motivation, 'supplementing');
      });

      it('lays out the segment on the waveform at its times (no blocked inline style)', async () => {
        const width = await page.evaluate(() => {
          const player = document.querySelector('kolam-transcription-player');
          const region = player.shadowRoot.querySelector('[part~="segment"]');
          return region ? region.getBoundingClientRect().width / player.zoom : null;
        });
        assert.ok(width !== null && Math.abs(width - 1.2) < 0.1, `segment is ${width} s wide on screen, expected 1.2 s`);
      });

      it('met no Content Security Policy or Trusted Types violation', () => {
        assert.deepEqual(violations, []);
      });
    });
  });
}
