import * as stories from '../../stories/sync.stories.js';
import { testStories } from './run-stories.js';

testStories('Saving to a server', stories);
