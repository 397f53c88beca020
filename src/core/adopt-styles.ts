/**
 * Adds styles that arrive with on-demand code (the review's, the player's list) to a tool's shadow
 * root just after the shared theme, so the tool's own styles (which come after it) still win, as
 * when they are listed in `styles`.
 */
import type { CSSResult } from 'lit';
import { themeStyles } from './theme.js';

export function adoptStyles(host: HTMLElement, styles: CSSResult): void {
  const root = host.shadowRoot;
  const sheet = styles.styleSheet;
  if (!root) return;
  if (sheet && 'adoptedStyleSheets' in root) {
    if (root.adoptedStyleSheets.includes(sheet)) return;
    const sheets = [...root.adoptedStyleSheets];
    const theme = themeStyles.styleSheet ? sheets.indexOf(themeStyles.styleSheet) : -1;
    sheets.splice(theme + 1, 0, sheet);
    root.adoptedStyleSheets = sheets;
  } else {
    // Where Lit itself falls back to <style> elements (no constructable sheets), do as it does.
    const style = document.createElement('style');
    style.textContent = styles.cssText;
    root.prepend(style);
  }
}
