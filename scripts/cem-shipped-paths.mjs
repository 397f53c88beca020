// Two custom-elements-manifest plugins, so custom-elements.json describes what ships:
// - typedEvents: each `kolam-*` event gets its type, CustomEvent<detail>, read from the one
//   declaration of the details (KolamEventDetails in src/core/events.ts), else from its
//   HTMLElementEventMap entry.
// - shippedModules: the manifest lists the files a user imports (dist/box-tool.js, …) with the
//   elements they export, not our src/ tree, whose files are bundled into chunks and do not ship.

/** Reads `interface KolamEventDetails { 'kolam-x': T }` and types every `@fires kolam-x` with it. */
export function typedEvents() {
  const details = new Map();
  return {
    name: 'kolam-typed-events',
    collectPhase({ ts, node }) {
      // KolamEventDetails gives the readable detail; any other event declared (as CONTRACT §3 asks)
      // in HTMLElementEventMap keeps the type written there.
      const source = ts.isInterfaceDeclaration(node) && { KolamEventDetails: 'detail', HTMLElementEventMap: 'event' }[node.name.text];
      if (!source) return;
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.type) continue;
        const name = ts.isStringLiteral(member.name) ? member.name.text : member.name.getText();
        const text = member.type.getText().replace(/\s+/g, ' ');
        if (source === 'detail') details.set(name, `CustomEvent<${text}>`);
        else if (!details.has(name)) details.set(name, text);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules)
        for (const declaration of module.declarations ?? [])
          for (const event of declaration.events ?? []) {
            const type = event.name === 'kolam-error' ? 'CustomEvent<KolamErrorDetail>' : details.get(event.name);
            if (type) event.type = { text: type };
          }
    },
  };
}

/** `src/box-tool.ts` → `dist/box-tool.js`; internal modules are folded into the entries that export them. */
export function shippedModules() {
  const dist = (path) => path.replace(/^(\.\/|\/)?src\//, 'dist/').replace(/\.ts$/, '.js');
  const isEntry = (path) => /^src\/[^/]+\.ts$/.test(path);
  return {
    name: 'kolam-shipped-modules',
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      const byPath = new Map(modules.map((m) => [m.path, m]));
      const declaredInternally = (name) =>
        modules.filter((m) => !isEntry(m.path) && m.exports?.some((e) => e.name === name)).flatMap((m) => m.declarations ?? []).find((d) => d.name === name);
      customElementsManifest.modules = modules.filter((m) => isEntry(m.path)).map((entry) => {
        const declarations = [...(entry.declarations ?? [])];
        const exports = (entry.exports ?? []).flatMap((ex) => {
          const starFrom = ex.name === '*' && ex.declaration?.module?.replace(/^\.\//, 'src/').replace(/\.js$/, '.ts');
          if (starFrom && !isEntry(starFrom)) {
            // `export * from './core/selectors.js'`: what that module exports is this entry's.
            const inner = byPath.get(starFrom);
            declarations.push(...(inner?.declarations ?? []));
            return (inner?.exports ?? []).map((e) => ({ ...e, declaration: { name: e.declaration.name, module: dist(entry.path) } }));
          }
          const from = ex.declaration?.module?.replace(/^\.\//, 'src/').replace(/\.js$/, '.ts');
          const source = from && !isEntry(from) ? byPath.get(from) : undefined;
          // `import { KolamBoxTool } from './box-tool/box-tool.js'; export { KolamBoxTool };` is
          // recorded as declared in the entry itself: find the internal module that declares it.
          const declaration =
            source?.declarations?.find((d) => d.name === ex.declaration.name) ??
            (from === entry.path && !declarations.some((d) => d.name === ex.declaration.name) ? declaredInternally(ex.declaration.name) : undefined);
          if (declaration) {
            declarations.push(declaration);
            return { ...ex, declaration: { name: ex.declaration.name, module: dist(entry.path) } };
          }
          // A re-export of another entry (`export * from './box-tool.js'`) points at that entry.
          if (from && isEntry(from)) return { ...ex, declaration: { ...ex.declaration, module: dist(from) } };
          // A type re-exported from an internal module (types have no declaration here): it is
          // this entry's to import.
          return { ...ex, declaration: { name: ex.declaration.name, module: dist(entry.path) } };
        });
        // Our define modules register with defineElement(); say which tag each class defines.
        for (const d of declarations) if (d.tagName) exports.push({ kind: 'custom-element-definition', name: d.tagName, declaration: { name: d.name, module: dist(entry.path) } });
        return { ...entry, path: dist(entry.path), declarations, exports };
      });
    },
  };
}
