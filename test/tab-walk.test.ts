/**
 * CONTRACT §4 and §9 on every tool: Tab and Shift+Tab walk the annotations and leave past the last;
 * after Escape the next Tab leaves at once; no control is a Tab stop once per annotation.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { TOOLS, focusKeys, press, type Tool, type ToolCase } from './tool-cases.js';

function after(el: Tool): HTMLButtonElement {
  const button = document.createElement('button');
  button.textContent = 'after';
  el.after(button);
  return button;
}

/** Tab presses from the tool's key target until focus reaches `target` (or 300, a trap). */
async function tabsUntil(target: HTMLElement): Promise<number> {
  for (let n = 1; n <= 300; n++) {
    await sendKeys({ press: 'Tab' });
    if (document.activeElement === target) return n;
  }
  return Infinity;
}

async function pressesToLeave(tool: ToolCase, count: number): Promise<number> {
  const el = await tool.mount(Array.from({ length: count }, (_, i) => tool.good(`a${String(i).padStart(2, '0')}`)));
  await tool.settle(el);
  const next = after(el);
  await focusKeys(tool, el);
  const presses = await tabsUntil(next);
  next.remove();
  el.remove();
  return presses;
}

for (const tool of TOOLS) {
  describe(`<${tool.name}> Tab order`, () => {
    it('walks every annotation, then leaves: each other control is one Tab stop, whatever the count', async () => {
      const few = await pressesToLeave(tool, 3);
      const many = await pressesToLeave(tool, 12);
      expect(few).to.be.lessThan(20);
      // Nine more annotations cost nine more presses (the walk), not nine more per control.
      expect(many - few).to.equal(9);
    });

    it('walks back with Shift+Tab and leaves before the first', async () => {
      const el = await tool.mount([tool.good('a'), tool.good('b')]);
      await tool.settle(el);
      await focusKeys(tool, el);
      await press(el, 'Tab');
      await press(el, 'Tab');
      expect(el.annotations.length).to.equal(2);
      await press(el, 'Shift+Tab');
      const target = tool.keyTarget(el);
      expect(el.shadowRoot!.activeElement === target).to.equal(true, 'still walking');
      await press(el, 'Shift+Tab');
      expect(el.shadowRoot!.activeElement === target).to.equal(false, 'left before the first');
    });

    if (tool.escapeClears) {
      it('after Escape clears the selection, the next Tab leaves at once', async () => {
        const el = await tool.mount([tool.good('a'), tool.good('b'), tool.good('c')]);
        await tool.settle(el);
        await focusKeys(tool, el);
        await press(el, 'Tab');
        await press(el, 'Escape');
        await press(el, 'Tab');
        expect(el.shadowRoot!.activeElement === tool.keyTarget(el)).to.equal(false, 'focus left the annotations');
      });
    }
  });
}
