// Node entry for bench/formats.mjs: the converters as a server would import them.
export { fromCoco, toCoco } from '../../src/formats/coco.js';
export { fromWebVtt, toWebVtt } from '../../src/formats/webvtt.js';
