import * as stories from '../../stories/label-set.stories.js';
import { testStories } from './run-stories.js';

testStories('Label set', stories);
