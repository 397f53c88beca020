import { ContextProvider } from '@lit/context';
import { cssom } from '../core/cssom-style.js';
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Annotator, Label } from '../core/annotation.js';
import { emit } from '../core/events.js';
import { isTextField } from '../core/keyboard.js';
import { labelSetContext, type LabelSetState } from '../core/label-context.js';
import { checkLabels, reportLater } from '../core/host-values.js';
import { labelForKey } from '../core/labels-controller.js';
import { localized, msg, str } from '../core/localize.js';
import { paletteColor } from '../core/palette.js';
import { themeStyles } from '../core/theme.js';
import { labelSetStyles } from './label-set.styles.js';

/**
 * @tagname kolam-label-set
 * Shares labels, the active label, the annotator and readonly with the Kolam tools inside it, and
 * shows the labels as a picker: click, arrow keys or a hotkey (1–9, or the label's own) picks one.
 *
 * @slot - The tools (and `<kolam-label>` children declaring labels).
 * @fires kolam-active-label-change - The active label changed.
 * @csspart picker - The row of labels (a radio group).
 * @csspart label - One label button; `label active` on the active one.
 * @csspart swatch - The colour square of a label.
 * @csspart hotkey - The hotkey hint of a label.
 * @cssprop --kolam-label-set-gap - Space between the picker and the tools.
 */
@localized()
export class KolamLabelSet extends LitElement {
  static override styles = [themeStyles, labelSetStyles];

  /** Labels; when unset, read from `<kolam-label>` children. */
  @property({ attribute: false }) labels: Label[] | undefined;

  /** Id of the label given to new annotations; defaults to the first label. */
  @property({ attribute: 'active-label', reflect: true }) activeLabel: string | undefined;

  /** The person annotating; becomes the `creator` of what they make. */
  @property({ attribute: false }) annotator: Annotator | undefined;

  /** Tools inside only view and select. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Hides the picker (the tools still get the labels). */
  @property({ type: Boolean, attribute: 'hide-picker' }) hidePicker = false;

  @state() private childLabels: Label[] = [];

  private readonly provider = new ContextProvider(this, { context: labelSetContext, initialValue: undefined });
  /** Made on connect, not in a field: SSR has no MutationObserver. */
  private observer: MutationObserver | null = null;

  /** The labels in force, from the property or the children, checked (CONTRACT §9). */
  get effectiveLabels(): Label[] {
    const input: unknown = this.labels ?? this.childLabels;
    if (!this.checked || this.checked.input !== input) {
      const { value, errors } = checkLabels(input);
      this.checked = { input, labels: value ?? [] };
      reportLater(this, errors);
    }
    return this.checked.labels;
  }
  private checked: { input: unknown; labels: Label[] } | null = null;

  private get resolvedActive(): string | undefined {
    const labels = this.effectiveLabels;
    return labels.some((l) => l.id === this.activeLabel) ? this.activeLabel : labels[0]?.id;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.readChildLabels();
    this.observer = new MutationObserver(() => this.readChildLabels());
    this.observer.observe(this, { childList: true, subtree: true, attributes: true, characterData: true, attributeFilter: ['id', 'color', 'hotkey'] });
    this.addEventListener('keydown', this.onHotkey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.observer = null;
    this.removeEventListener('keydown', this.onHotkey);
  }

  private readChildLabels(): void {
    const next = [...this.querySelectorAll(':scope > kolam-label')].map((el): Label => {
      const name = el.textContent?.trim();
      const color = el.getAttribute('color');
      const hotkey = el.getAttribute('hotkey');
      return { id: el.id, ...(name ? { name } : {}), ...(color ? { color } : {}), ...(hotkey ? { hotkey } : {}) };
    });
    if (JSON.stringify(next) !== JSON.stringify(this.childLabels)) this.childLabels = next;
  }

  protected override willUpdate(): void {
    const value: LabelSetState = {
      labels: this.effectiveLabels,
      activeLabel: this.resolvedActive,
      annotator: this.annotator,
      readonly: this.readonly,
      setActiveLabel: (id) => this.pick(id),
    };
    const old = this.provider.value;
    if (
      !old ||
      old.labels !== value.labels ||
      old.activeLabel !== value.activeLabel ||
      old.annotator !== value.annotator ||
      old.readonly !== value.readonly
    )
      this.provider.setValue(value);
  }

  /** Makes `id` the active label and tells the host. */
  pick(id: string): void {
    if (!this.effectiveLabels.some((l) => l.id === id) || id === this.resolvedActive) return;
    this.activeLabel = id;
    emit(this, 'kolam-active-label-change', { activeLabel: id });
  }

  private readonly onHotkey = (event: KeyboardEvent): void => {
    // Tools inside handle their own keys first and mark them handled.
    if (event.defaultPrevented || isTextField(event.composedPath()[0])) return;
    const label = labelForKey(this.effectiveLabels, event);
    if (!label) return;
    event.preventDefault();
    this.pick(label.id);
  };

  private onPickerKey(event: KeyboardEvent): void {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (!step && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const labels = this.effectiveLabels;
    const current = labels.findIndex((l) => l.id === this.resolvedActive);
    const rtl = getComputedStyle(this).direction === 'rtl' && (event.key === 'ArrowLeft' || event.key === 'ArrowRight');
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? labels.length - 1 : (current + (rtl ? -step! : step!) + labels.length) % labels.length;
    this.pick(labels[next].id);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-checked="true"]')?.focus());
  }

  private renderLabel(label: Label, index: number) {
    const active = label.id === this.resolvedActive;
    const hotkey = label.hotkey ?? (index < 9 ? String(index + 1) : undefined);
    const name = label.name ?? label.id;
    return html`<button
      type="button"
      role="radio"
      part=${active ? 'label active' : 'label'}
      aria-checked=${active ? 'true' : 'false'}
      aria-keyshortcuts=${hotkey ?? nothing}
      tabindex=${active ? 0 : -1}
      @click=${() => this.pick(label.id)}
    >
      <span part="swatch" ${cssom({ background: label.color ?? paletteColor(index) })}></span>
      <span>${name}</span>
      ${hotkey ? html`<kbd part="hotkey" aria-hidden="true">${hotkey}</kbd>` : nothing}
    </button>`;
  }

  override render() {
    const labels = this.effectiveLabels;
    const picker =
      this.hidePicker || labels.length === 0
        ? nothing
        : html`<div part="picker" role="radiogroup" aria-label=${msg('Labels')} @keydown=${this.onPickerKey}>
            ${repeat(labels, (l) => l.id, (l, i) => this.renderLabel(l, i))}
          </div>`;
    const active = labels.find((l) => l.id === this.resolvedActive);
    return html`${picker}
      <div class="visually-hidden" role="status" aria-live="polite">
        ${active ? msg(str`Active label: ${active.name ?? active.id}`) : ''}
      </div>
      <slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kolam-label-set': KolamLabelSet;
  }
}
