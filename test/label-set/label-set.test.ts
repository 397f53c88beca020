import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import '../../src/label-set.js';
import type { KolamLabelSet } from '../../src/label-set.js';
import { labelSetContext } from '../../src/core/label-context.js';

/** A stand-in tool that reads the set's context, as the real tools do. */
class ContextReader extends LitElement {
  consumer = new ContextConsumer(this, { context: labelSetContext, subscribe: true });
}
customElements.define('context-reader', ContextReader);

const radios = (set: KolamLabelSet) => [...set.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="radio"]')];

function center(el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
}

async function setup() {
  const set = await fixture<KolamLabelSet>(html`
    <kolam-label-set>
      <kolam-label id="person" color="#d7263d" hotkey="p">Person</kolam-label>
      <kolam-label id="place" color="#1b998b">Place</kolam-label>
      <kolam-label id="org">Organisation</kolam-label>
      <context-reader tabindex="0"></context-reader>
    </kolam-label-set>
  `);
  await set.updateComplete;
  return { set, reader: set.querySelector<ContextReader>('context-reader')! };
}

describe('<kolam-label-set>', () => {
  it('reads labels from <kolam-label> children and shows them as a radio group', async () => {
    const { set } = await setup();
    const group = set.shadowRoot!.querySelector('[role="radiogroup"]')!;
    expect(group.getAttribute('aria-label')).to.equal('Labels');
    expect(radios(set).map((r) => r.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['Person p', 'Place 2', 'Organisation 3']);
    expect(radios(set).map((r) => r.getAttribute('aria-checked'))).to.deep.equal(['true', 'false', 'false']);
    await expect(set).to.be.accessible();
  });

  it('shares labels, active label, annotator and readonly through context', async () => {
    const { set, reader } = await setup();
    set.annotator = { id: 'w1', name: 'Priya' };
    set.readonly = true;
    await set.updateComplete;
    const value = reader.consumer.value!;
    expect(value.labels.map((l) => l.id)).to.deep.equal(['person', 'place', 'org']);
    expect(value.labels[0]).to.deep.equal({ id: 'person', name: 'Person', color: '#d7263d', hotkey: 'p' });
    expect(value.activeLabel).to.equal('person');
    expect(value.annotator).to.deep.equal({ id: 'w1', name: 'Priya' });
    expect(value.readonly).to.equal(true);
  });

  it('picks a label by a real click and tells the host', async () => {
    const { set, reader } = await setup();
    const changed = oneEvent(set, 'kolam-active-label-change');
    await sendMouse({ type: 'click', position: center(radios(set)[1]) });
    expect((await changed).detail.activeLabel).to.equal('place');
    await set.updateComplete;
    expect(set.activeLabel).to.equal('place');
    expect(reader.consumer.value!.activeLabel).to.equal('place');
    expect(radios(set)[1].getAttribute('aria-checked')).to.equal('true');
  });

  it('moves through the picker with arrow keys, with roving focus', async () => {
    const { set } = await setup();
    radios(set)[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await set.updateComplete;
    expect(set.activeLabel).to.equal('place');
    expect(set.shadowRoot!.activeElement).to.equal(radios(set)[1]);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await set.updateComplete;
    expect(set.activeLabel).to.equal('org');
    expect(radios(set).map((r) => r.tabIndex)).to.deep.equal([-1, -1, 0]);
  });

  it('picks by hotkey and by digit while focus is inside the set', async () => {
    const { set, reader } = await setup();
    reader.focus();
    await sendKeys({ press: '3' });
    await set.updateComplete;
    expect(set.activeLabel).to.equal('org');
    await sendKeys({ press: 'p' });
    await set.updateComplete;
    expect(set.activeLabel).to.equal('person');
  });

  it('ignores label keys typed into a text field', async () => {
    const set = await fixture<KolamLabelSet>(html`
      <kolam-label-set>
        <kolam-label id="a" hotkey="p">A</kolam-label>
        <kolam-label id="b">B</kolam-label>
        <input aria-label="notes" />
      </kolam-label-set>
    `);
    set.querySelector('input')!.focus();
    await sendKeys({ type: 'p2' });
    await set.updateComplete;
    expect(set.querySelector('input')!.value).to.equal('p2');
    expect(set.activeLabel).to.equal(undefined);
    expect(radios(set)[0].getAttribute('aria-checked')).to.equal('true');
  });

  it('follows changes to its children', async () => {
    const { set } = await setup();
    const extra = document.createElement('kolam-label');
    extra.id = 'date';
    extra.textContent = 'தேதி';
    set.append(extra);
    await new Promise((r) => setTimeout(r));
    await set.updateComplete;
    expect(radios(set).at(-1)!.textContent).to.contain('தேதி');
  });

  it('renders label names as text, never HTML', async () => {
    const set = await fixture<KolamLabelSet>(html`<kolam-label-set .labels=${[{ id: 'x', name: '<img src=x onerror=alert(1)>' }]}></kolam-label-set>`);
    expect(set.shadowRoot!.querySelector('img')).to.equal(null);
    expect(radios(set)[0].textContent).to.contain('<img src=x onerror=alert(1)>');
  });

  it('prints no Lit warnings', async () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const { set } = await setup();
      set.labels = [{ id: 'a' }, { id: 'b' }];
      set.activeLabel = 'b';
      await set.updateComplete;
    } finally {
      console.warn = original;
    }
    expect(warnings).to.deep.equal([]);
  });
});
