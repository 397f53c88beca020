/**
 * The shared look: documented `--kolam-*` custom properties with light and dark defaults. Dark
 * follows `prefers-color-scheme`, an inherited `color-scheme: dark`, or the `kolam-theme-dark` class
 * on the element; `kolam-theme-light` forces light.
 */
import { css, unsafeCSS } from 'lit';

/**
 * The default `--kolam-font`: the UI font first, then, for each script Kolam is made for, the font
 * its users' systems already have — Noto (Linux, Android; `fonts-noto-core` on Debian), Nirmala UI
 * (Windows 8+, every Indic script), Latha (Tamil) and Mangal (Devanagari) on older Windows, the
 * Sangam / Kohinoor faces on Apple systems, and Urdu's Nastaliq beside Naskh Arabic. Without these a
 * browser may fall back to a font with no glyphs and show empty boxes (tofu). Last come the colour
 * emoji fonts of Apple, Windows and Linux/Android (`fonts-noto-color-emoji` on Debian): transcripts
 * and labels carry emoji, and after `sans-serif` they are drawn in colour rather than as a text
 * font's outline or a box. A constant of ours, never a host value, so `unsafeCSS` injects nothing a
 * host gave.
 */
export const kolamFontStack = [
  'system-ui',
  "'Noto Sans'",
  "'Noto Sans Tamil'",
  "'Noto Sans Devanagari'",
  "'Noto Sans Arabic'",
  "'Noto Nastaliq Urdu'",
  "'Nirmala UI'",
  'Latha',
  'Mangal',
  "'Tamil Sangam MN'",
  "'Kohinoor Devanagari'",
  "'Devanagari Sangam MN'",
  "'Segoe UI'",
  "'Geeza Pro'",
  'sans-serif',
  "'Apple Color Emoji'",
  "'Segoe UI Emoji'",
  "'Noto Color Emoji'",
].join(', ');

export const themeStyles = css`
  :host {
    --_fg: var(--kolam-color-text, light-dark(#1f2328, #e6e8eb));
    --_muted: var(--kolam-color-muted, light-dark(#57606a, #9aa4af));
    --_bg: var(--kolam-color-surface, light-dark(#ffffff, #16191d));
    --_bg-raised: var(--kolam-color-surface-raised, light-dark(#f3f4f6, #22262b));
    --_border: var(--kolam-color-border, light-dark(#c9ced6, #3a4048));
    --_accent: var(--kolam-color-accent, light-dark(#0b57d0, #8ab4f8));
    --_focus: var(--kolam-color-focus, light-dark(#0b57d0, #8ab4f8));
    --_danger: var(--kolam-color-danger, light-dark(#b3261e, #f2b8b5));
    --_radius: var(--kolam-radius, 6px);
    --_font: var(--kolam-font, ${unsafeCSS(kolamFontStack)});
    --_font-size: var(--kolam-font-size, 14px);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_fg);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      color-scheme: dark;
    }
  }
  :host(.kolam-theme-dark) {
    color-scheme: dark;
  }
  :host(.kolam-theme-light) {
    color-scheme: light;
  }
  :host([hidden]) {
    display: none !important;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
