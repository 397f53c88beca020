// A test-runner command for real double- and triple-clicks: `sendMouse` sends every click with
// clickCount 1, so Chromium never sees a double-click from it. Register in web-test-runner.config.mjs:
//   import { multiClickPlugin } from './scripts/wtr-multi-click-plugin.mjs';
//   plugins: [..., multiClickPlugin()]
// and call `executeServerCommand('multi-click', { position: [x, y], count: 2 })` from a test.
export function multiClickPlugin() {
  return {
    name: 'multi-click',
    async executeCommand({ command, payload, session }) {
      if (command !== 'multi-click') return undefined;
      const [x, y] = payload.position;
      const count = payload.count ?? 2;
      const page = session.browser.getPage(session.id);
      if (session.browser.type === 'puppeteer' || session.browser.type === 'playwright') {
        await page.mouse.click(x, y, { count, clickCount: count });
        return true;
      }
      throw new Error(`multi-click is not supported for browser type ${session.browser.type}.`);
    },
  };
}
