import * as stories from '../../stories/transcription-player.stories.js';
import { testStories } from './run-stories.js';

testStories('Transcription player', stories);
