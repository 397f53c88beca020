/** `kolam/annotation.js`: the annotation model and its pure helpers. Registers nothing. */
export * from './core/annotation.js';
export * from './core/selectors.js';
export * from './core/code-points.js';
export * from './core/validation.js';
export * from './core/review.js';
export type * from './core/events.js';
