import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { KeyboardController, matchesBinding } from '../../src/core/keyboard.js';

class KeyHost extends LitElement {
  log: string[] = [];
  keys = new KeyboardController(this, {
    undo: { keys: ['Mod+z'], run: () => void this.log.push('undo') },
    redo: { keys: ['Mod+Shift+z', 'Ctrl+y'], run: () => void this.log.push('redo') },
    remove: { keys: ['Delete', 'Backspace'], run: () => void this.log.push('delete') },
    play: { keys: ['Escape'], whileTyping: true, run: () => void this.log.push('play') },
    zoomIn: { keys: ['+'], run: () => void this.log.push('zoom-in') },
  });
  override render() {
    return html`<textarea aria-label="transcript"></textarea>`;
  }
}
customElements.define('key-host', KeyHost);

describe('KeyboardController', () => {
  async function setup() {
    const el = await fixture<KeyHost>(html`<key-host tabindex="0"></key-host>`);
    el.focus();
    return el;
  }

  it('runs actions for real key presses', async () => {
    const el = await setup();
    await sendKeys({ press: 'Control+z' });
    await sendKeys({ press: 'Control+Shift+z' });
    await sendKeys({ press: 'Control+y' });
    await sendKeys({ press: 'Delete' });
    await sendKeys({ press: 'Shift+Equal' });
    expect(el.log).to.deep.equal(['undo', 'redo', 'redo', 'delete', 'zoom-in']);
  });

  it('leaves a text field its own keys unless the action works while typing', async () => {
    const el = await setup();
    const field = el.shadowRoot!.querySelector('textarea')!;
    field.focus();
    await sendKeys({ type: 'abc' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Control+z' });
    await sendKeys({ press: 'Escape' });
    expect(el.log).to.deep.equal(['play']);
  });

  it('lets a keymap override the defaults', async () => {
    const el = await setup();
    el.keys.keymap = { undo: ['u'], remove: [] };
    await sendKeys({ press: 'u' });
    await sendKeys({ press: 'Control+z' });
    await sendKeys({ press: 'Delete' });
    expect(el.log).to.deep.equal(['undo']);
  });

  it('matches letters case-insensitively and requires the right modifiers', () => {
    const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);
    expect(matchesBinding(key({ key: 'Z', ctrlKey: true, shiftKey: true }), 'Ctrl+Shift+z')).to.equal(true);
    expect(matchesBinding(key({ key: 'z', ctrlKey: true, shiftKey: true }), 'Ctrl+z')).to.equal(false);
    expect(matchesBinding(key({ key: 'z' }), 'Ctrl+z')).to.equal(false);
    expect(matchesBinding(key({ key: 'Enter', ctrlKey: true }), 'Ctrl+Enter')).to.equal(true);
    expect(matchesBinding(key({ key: '+', ctrlKey: true }), 'Ctrl++')).to.equal(true);
  });
});
