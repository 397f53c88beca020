/** `kolam/span-tagger.js`: registers `<kolam-span-tagger>`. */
import { defineElement } from './core/define.js';
import { KolamSpanTagger } from './span-tagger/span-tagger.js';

defineElement('kolam-span-tagger', KolamSpanTagger);

export { KolamSpanTagger };
export type { Granularity } from './span-tagger/segmentation.js';
