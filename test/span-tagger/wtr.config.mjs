// The project's test-runner config plus the multi-click command, for running the span tagger's
// tests alone until the command is registered in the main config:
//   npx web-test-runner --config test/span-tagger/wtr.config.mjs "test/span-tagger/**/*.test.ts" --concurrency 1
import config from '../../web-test-runner.config.mjs';
import { multiClickPlugin } from './multi-click-plugin.mjs';

export default { ...config, plugins: [...config.plugins, multiClickPlugin()] };
