import { esbuildPlugin } from '@web/dev-server-esbuild';
import { prebundle } from './scripts/wtr-prebundle.mjs';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { findChromium, chromiumArgs } from './scripts/chromium-path.mjs';
import { toolsPlugin } from './scripts/wtr-tools-plugin.mjs';
import { multiClickPlugin } from './scripts/wtr-multi-click-plugin.mjs';
import { imePlugin } from './scripts/wtr-ime-plugin.mjs';
import { mediaMiddleware } from './scripts/wtr-media-middleware.mjs';
import { syncPlugin } from './scripts/wtr-sync-plugin.mjs';

const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: run `npm run setup` or set CHROME_PATH.');

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  middleware: [mediaMiddleware],
  plugins: [
    prebundle(['storybook/test']),
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    toolsPlugin(),
    multiClickPlugin(),
    imePlugin(),
    syncPlugin(),
  ],
  // Storybook's browser chunks read process.env, as bundlers define it; give them the same.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en"><head><meta charset="utf-8"><title>Kolam tests</title></head><body>
      <script>window.process = { env: { NODE_ENV: 'development' } };</script>
      <script type="module" src="${testFramework}"></script>
    </body></html>`,
  browsers: [
    // Playwright drives the system Chromium (no browser download); its sendKeys knows chords
    // like "Control+z" and "Shift+Tab".
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: chromiumArgs.filter((a) => !a.startsWith('--headless')) },
    }),
  ],
  // 2 cores here: two pages at a time keeps real-input tests from starving each other.
  concurrency: 2,
  // Lit announces dev mode once per page; the tests check for Lit's other warnings themselves.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  testFramework: { config: { timeout: 20000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 300000,
};
