import * as stories from '../../stories/span-tagger.stories.js';
import { testStories } from './run-stories.js';

testStories('Span tagger', stories);
