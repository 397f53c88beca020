/** `kolam`: registers every element and re-exports all types and helpers. */
export * from './annotation.js';
export * from './label-set.js';
export * from './box-tool.js';
export * from './span-tagger.js';
export * from './transcription-player.js';
export { emit } from './core/events.js';
export type { Keymap, KeyBinding } from './core/keyboard.js';
