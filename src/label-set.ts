/** `kolam/label-set.js`: registers `<kolam-label-set>` and `<kolam-label>`. */
import { defineElement } from './core/define.js';
import { KolamLabel } from './label-set/label.js';
import { KolamLabelSet } from './label-set/label-set.js';

defineElement('kolam-label-set', KolamLabelSet);
defineElement('kolam-label', KolamLabel);

export { KolamLabelSet, KolamLabel };
export type { LabelSetState } from './core/label-context.js';
