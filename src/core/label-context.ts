/**
 * What `<kolam-label-set>` shares with the tools inside it (CONTRACT §5), through @lit/context.
 * The value is replaced, never mutated, so consumers re-render on every change.
 */
import type { Context } from '@lit/context';
import type { Annotator, Label } from './annotation.js';

export interface LabelSetState {
  labels: readonly Label[];
  activeLabel: string | undefined;
  annotator: Annotator | undefined;
  readonly: boolean;
  /** A tool asks the set to change the active label (a hotkey pressed inside the tool). */
  setActiveLabel: (id: string) => void;
}

// What `createContext` returns, written out: importing it would also bring @lit/context's other
// modules into every tool, which answer context requests but never make one.
export const labelSetContext = Symbol('kolam-label-set') as Context<symbol, LabelSetState | undefined>;
