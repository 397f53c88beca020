/**
 * Every element's docs page in the same order: what it is for, a live example, its keys, then the
 * public API (the manifest lists only that: scripts/cem-public-api.mjs), then the other stories.
 * The text is the element's own JSDoc, read from custom-elements.json; its paragraph that starts
 * with "Keys" goes under the Keys heading. A meta without one may give `parameters.docs.keys`.
 */
import { Controls, Heading, Markdown, Primary, Stories, Title, useOf } from '@storybook/addon-docs/blocks';
import { createElement as h, Fragment } from 'react';
import manifest from '../custom-elements.json';

interface Declaration {
  tagName?: string;
  description?: string;
}

function descriptionOf(tag: unknown): string {
  const declarations = (manifest as { modules: { declarations?: Declaration[] }[] }).modules.flatMap((m) => m.declarations ?? []);
  return declarations.find((d) => d.tagName === tag)?.description ?? '';
}

/** Splits a JSDoc description into what the element is for and its keys paragraph. */
export function splitDescription(text: string): { intro: string; keys: string } {
  const paragraphs = text.split(/\n\s*\n/);
  const keys = paragraphs.filter((p) => /^\s*Keys\b/.test(p));
  return {
    intro: paragraphs.filter((p) => !keys.includes(p)).join('\n\n'),
    keys: keys.map((p) => p.replace(/^\s*Keys\s*/, '').replace(/^\(([^)]*)\):\s*/, '*$1:* ').replace(/^:\s*/, '')).join('\n\n'),
  };
}

export function DocsPage() {
  const { preparedMeta } = useOf('meta', ['meta']);
  const { intro, keys: fromJsDoc } = splitDescription(descriptionOf(preparedMeta.component));
  const keys = fromJsDoc || ((preparedMeta.parameters?.docs as { keys?: string } | undefined)?.keys ?? '');
  return h(
    Fragment,
    null,
    h(Title),
    intro && h(Markdown, null, intro),
    h(Primary),
    keys && h(Heading, null, 'Keys'),
    keys && h(Markdown, null, keys),
    h(Heading, null, 'API'),
    h(Controls),
    h(Stories, { includePrimary: false }),
  );
}
