/**
 * What `<kolam-label-set>` shares with the tools inside it (CONTRACT §5), through @lit/context.
 * The value is replaced, never mutated, so consumers re-render on every change.
 */
import { createContext } from '@lit/context';
import type { Annotator, Label } from './annotation.js';

export interface LabelSetState {
  labels: readonly Label[];
  activeLabel: string | undefined;
  annotator: Annotator | undefined;
  readonly: boolean;
  /** A tool asks the set to change the active label (a hotkey pressed inside the tool). */
  setActiveLabel: (id: string) => void;
}

export const labelSetContext = createContext<LabelSetState | undefined>(Symbol('kolam-label-set'));
