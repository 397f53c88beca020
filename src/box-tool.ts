/** `kolam/box-tool.js`: registers `<kolam-box-tool>`. */
import { defineElement } from './core/define.js';
import { KolamBoxTool } from './box-tool/box-tool.js';

defineElement('kolam-box-tool', KolamBoxTool);

export { KolamBoxTool };
