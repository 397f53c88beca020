// A custom-elements-manifest plugin: the manifest (and so Storybook's docs tables and the package's
// custom-elements.json) lists only what a host may use. The analyzer also lists private and
// protected members, statics (`shadowRootOptions`, `styles`), `@internal` ones, and — a quirk of its
// assignment scan — fields of other objects set in the constructor (`this.keys.fallback = …` shows
// as `fallback`). Element files stay as they are; the filtering is here, in one place.

/** Member names never public API, whatever their modifiers say. */
const INTERNAL_NAMES = new Set(['shadowRootOptions', 'styles', 'keys', 'resizeObserver', 'pending', 'render', 'createRenderRoot']);

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
export function publicApiPlugin() {
  /** class name → { declared: Map<name, hidden>, description } from the source. */
  const classes = new Map();
  return {
    name: 'kolam-public-api',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const declared = new Map();
      for (const member of node.members) {
        const name = member.name && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name) ? member.name.text : undefined);
        if (!name) continue;
        const modifiers = ts.getCombinedModifierFlags(member);
        const internalTag = ts.getJSDocTags(member).some((t) => t.tagName.text === 'internal');
        const hidden =
          internalTag ||
          name.startsWith('_') ||
          name.startsWith('#') ||
          Boolean(modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Static)) ||
          INTERNAL_NAMES.has(name);
        // A getter/setter pair: hidden only if both are.
        declared.set(name, declared.has(name) ? declared.get(name) && hidden : hidden);
      }
      // `@tagname x` written first swallows the description that follows it; take it back.
      const tag = ts.getJSDocTags(node).find((t) => t.tagName.text === 'tagname');
      const comment = typeof tag?.comment === 'string' ? tag.comment : (tag?.comment ?? []).map((c) => c.text).join('');
      const description = comment.split('\n').slice(1).join('\n').trim();
      classes.set(node.name.text, { declared, description });
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          const source = classes.get(decl.name);
          if (decl.kind !== 'class' || !source) continue;
          if (!decl.description && source.description) decl.description = source.description;
          decl.members = (decl.members ?? []).filter(
            (m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && source.declared.get(m.name) === false,
          );
        }
      }
    },
  };
}
