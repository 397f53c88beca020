import { ReactiveElement } from 'lit';

/**
 * @tagname kolam-label
 * One label of a `<kolam-label-set>`, declared in markup:
 * `<kolam-label id="person" color="#e6194b" hotkey="p">Person</kolam-label>`.
 * Its text is the label's name. It renders nothing itself; the set reads it.
 *
 * @attr id - The label id written into annotations.
 * @attr color - CSS colour of the label.
 * @attr hotkey - A single key that picks the label.
 */
export class KolamLabel extends ReactiveElement {
  static override properties = {
    color: { type: String, reflect: true },
    hotkey: { type: String, reflect: true },
  };

  declare color: string | undefined;
  declare hotkey: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.hidden = true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kolam-label': KolamLabel;
  }
}
