/**
 * Renders every story of a stories module through `composeStories`, fails on any console error,
 * runs its `play` function and checks it with axe. Each `*.stories.test.ts` calls this once.
 */
import { expect, fixture } from '@open-wc/testing';
import { setProjectAnnotations } from '@storybook/web-components';
import { render } from 'lit';
import { composeStories } from 'storybook/preview-api';
import projectAnnotations from '../../.storybook/annotations.js';

// Storybook 10's web-components renderer exports setProjectAnnotations but not composeStories;
// the generic one from preview-api composes with the renderer's annotations set here.
const annotations = setProjectAnnotations(projectAnnotations);

type StoriesModule = Parameters<typeof composeStories>[0];
interface ComposedStory {
  (): unknown;
  play?: (context: unknown) => Promise<void>;
}

export function testStories(title: string, module: StoriesModule, options: { settle?: (root: HTMLElement) => Promise<void> } = {}): void {
  const stories = composeStories(module, annotations) as Record<string, ComposedStory>;
  describe(`stories: ${title}`, () => {
    let errors: unknown[][] = [];
    const original = console.error;
    beforeEach(() => {
      errors = [];
      console.error = (...args: unknown[]) => {
        errors.push(args);
        original.apply(console, args);
      };
      window.addEventListener('error', onError);
    });
    afterEach(() => {
      console.error = original;
      window.removeEventListener('error', onError);
    });
    function onError(event: ErrorEvent) {
      errors.push([event.message]);
    }

    for (const [name, story] of Object.entries(stories)) {
      it(`${name} renders without console errors, plays and is accessible`, async () => {
        const root = await fixture<HTMLDivElement>(document.createElement('div'));
        root.style.width = '900px';
        const output = story();
        if (output instanceof Node) root.append(output);
        else render(output as never, root);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
        await options.settle?.(root);
        if (story.play) await story.play({ canvasElement: root });
        await expect(root).to.be.accessible();
        expect(errors, errors.map((e) => e.join(' ')).join('\n')).to.deep.equal([]);
      });
    }
  });
}
