import * as stories from '../../stories/host-wiring.stories.js';
import { testStories } from './run-stories.js';

testStories('Host wiring', stories);
