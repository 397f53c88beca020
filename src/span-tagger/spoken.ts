/** Quotes read aloud are cut here: a screen reader should not recite a whole clause. */
const SPOKEN_QUOTE = 80;

/** `quote` as the live region reads it: cut after SPOKEN_QUOTE characters. */
export function spoken(quote: string): string {
  return quote.length > SPOKEN_QUOTE ? `${quote.slice(0, SPOKEN_QUOTE)}…` : quote;
}
