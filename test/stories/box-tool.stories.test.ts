import * as stories from '../../stories/box-tool.stories.js';
import { testStories } from './run-stories.js';

testStories('Box tool', stories);
