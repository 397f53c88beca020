/**
 * Colours for labels that do not bring their own: distinct on light and dark images and for the
 * common colour-vision deficiencies (Okabe–Ito, then Tableau 10).
 */
const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9', '#f0e442', '#4e79a7', '#e15759', '#76b7b2'];

export const UNLABELLED_COLOR = '#8a8f98';

export function paletteColor(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length];
}

/** Black or white, whichever reads better on `color` (for label names drawn on a chip). */
export function contrastText(color: string): '#000' | '#fff' {
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return '#fff';
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return luminance > 0.179 ? '#000' : '#fff';
}
