/**
 * Sets inline styles through the CSSOM (`element.style.setProperty`), never as a `style` attribute:
 * under a strict Content Security Policy (`style-src 'self'`, no `'unsafe-inline'`) the browser
 * drops style attributes, including the one Lit's `styleMap` writes on its first render, but
 * allows the CSSOM (CONTRACT §9). Used in element position: `<div ${cssom({ left: '4px' })}>`.
 * Names are CSS property names (`left`, `--c`); a null or undefined value removes the property.
 */
import { nothing, type ElementPart } from 'lit';
import { Directive, PartType, directive, type PartInfo } from 'lit/directive.js';

export type CssomStyles = Readonly<Record<string, string | number | null | undefined>>;

class CssomStyleDirective extends Directive {
  #applied = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('cssom() goes in element position: <div ${cssom({...})}>');
  }

  render(_styles: CssomStyles): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [styles]: [CssomStyles]): typeof nothing {
    const { style } = part.element as HTMLElement | SVGElement;
    for (const name of this.#applied) {
      if (styles[name] == null) {
        style.removeProperty(name);
        this.#applied.delete(name);
      }
    }
    for (const name in styles) {
      const value = styles[name];
      if (value == null) continue;
      style.setProperty(name, String(value));
      this.#applied.add(name);
    }
    return nothing;
  }
}

export const cssom = directive(CssomStyleDirective);
