/**
 * A polite live region: tools announce what changed ("Box person created at 200, 200") without
 * moving focus. Rendered by the element inside its shadow root.
 */
import { html, type ReactiveControllerHost } from 'lit';

export class Announcer {
  readonly #host: ReactiveControllerHost;
  #message = '';
  #toggle = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }


  announce(message: string): void {
    // Screen readers skip a repeat of the same text; a trailing invisible change makes it new.
    this.#toggle = !this.#toggle;
    this.#message = message + (this.#toggle ? '\u200b' : '');
    this.#host.requestUpdate();
  }

  render() {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.#message}</div>`;
  }
}
