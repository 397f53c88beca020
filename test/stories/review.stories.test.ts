import * as stories from '../../stories/review.stories.js';
import { testStories } from './run-stories.js';

testStories('Review a model', stories);
