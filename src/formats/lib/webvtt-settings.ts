/**
 * WebVTT cue settings and cue text, read as the W3C algorithms do
 * (https://www.w3.org/TR/webvtt1/#parse-the-webvtt-cue-settings and the cue text tokenizer), so
 * what we report is what a browser applies and shows. A setting the algorithm ignores is named, so
 * the importer can warn about it; the raw settings text is what we keep and write back.
 */
import { decodeHTML, decodeHTMLAttribute } from 'entities/decode';

/** A cue's layout as the algorithm sets it (VTTCue's fields), defaults filled in. */
export interface WebVttCueSettings {
  vertical: '' | 'rl' | 'lr';
  line: number | 'auto';
  snapToLines: boolean;
  lineAlign: 'start' | 'center' | 'end';
  position: number | 'auto';
  positionAlign: 'line-left' | 'center' | 'line-right' | 'auto';
  size: number;
  align: 'start' | 'center' | 'end' | 'left' | 'right';
  /** The identifier of a REGION the file defines, when the cue names one. */
  region: string | null;
}

/** "Parse a percentage string": digits, optionally `.digits`, then `%`, 0–100. */
function percentage(text: string): number | null {
  if (!/^\d+(?:\.\d+)?%$/.test(text)) return null;
  const value = Number(text.slice(0, -1));
  return value >= 0 && value <= 100 ? value : null;
}

/** The line setting's number, or null when the algorithm ignores the setting. */
function lineNumber(linepos: string): number | null {
  if (!/\d/.test(linepos)) return null;
  if (linepos.endsWith('%')) return percentage(linepos);
  // Digits, an optional leading minus, at most one dot with digits on both sides.
  return /^-?\d+(?:\.\d+)?$/.test(linepos) ? Number(linepos) : null;
}

/**
 * Reads a cue's settings text (what follows the end time). `regions` are the identifiers of the
 * file's REGION blocks. Returns the settings and the settings a browser ignores.
 */
export function readCueSettings(text: string, regions: readonly string[] = []): { settings: WebVttCueSettings; ignored: string[] } {
  const settings: WebVttCueSettings = {
    vertical: '',
    line: 'auto',
    snapToLines: true,
    lineAlign: 'start',
    position: 'auto',
    positionAlign: 'auto',
    size: 100,
    align: 'center',
    region: null,
  };
  const ignored: string[] = [];
  for (const setting of text.split(/[ \t\n\f\r]+/)) {
    if (setting === '') continue;
    const colon = setting.indexOf(':');
    const name = setting.slice(0, colon);
    const value = setting.slice(colon + 1);
    if (colon <= 0 || colon === setting.length - 1 || !apply(settings, name, value, regions)) ignored.push(setting);
  }
  return { settings, ignored };
}

/** Applies one setting; false when the algorithm would skip it. */
function apply(settings: WebVttCueSettings, name: string, value: string, regions: readonly string[]): boolean {
  const [head, tail] = splitComma(value);
  switch (name) {
    case 'region':
      if (!regions.includes(value)) return false;
      settings.region = value;
      return true;
    case 'vertical':
      if (value !== 'rl' && value !== 'lr') return false;
      settings.vertical = value;
      return true;
    case 'line': {
      const number = lineNumber(head);
      if (number === null || (tail !== null && tail !== 'start' && tail !== 'center' && tail !== 'end')) return false;
      if (tail !== null) settings.lineAlign = tail;
      settings.line = number;
      settings.snapToLines = !head.endsWith('%');
      return true;
    }
    case 'position': {
      const number = percentage(head);
      if (number === null || (tail !== null && tail !== 'line-left' && tail !== 'center' && tail !== 'line-right')) return false;
      if (tail !== null) settings.positionAlign = tail;
      settings.position = number;
      return true;
    }
    case 'size': {
      const number = percentage(value);
      if (number === null) return false;
      settings.size = number;
      return true;
    }
    case 'align':
      if (value !== 'start' && value !== 'center' && value !== 'end' && value !== 'left' && value !== 'right') return false;
      settings.align = value;
      return true;
    default:
      return false;
  }
}

function splitComma(value: string): [string, string | null] {
  const comma = value.indexOf(',');
  return comma < 0 ? [value, null] : [value.slice(0, comma), value.slice(comma + 1)];
}

/** The `id:` of a REGION block's settings, if it has one. */
export function regionIdOf(block: string): string | undefined {
  let id: string | undefined;
  for (const setting of block.split(/[ \t\n\f\r]+/)) if (setting.startsWith('id:') && !setting.includes('-->')) id = setting.slice(3);
  return id;
}

/**
 * The cue text without markup, as a browser shows it (the DOM's textContent of getCueAsHTML()):
 * tags run from "<" to ">" or the end of the cue; character references are HTML's. Also the first
 * voice (`<v Name>`) and the first language (`<lang xx>`).
 */
export function readCuePayload(payload: string): { text: string; speaker?: string; language?: string } {
  let speaker: string | undefined;
  let language: string | undefined;
  let text = '';
  let pos = 0;
  while (pos < payload.length) {
    const open = payload.indexOf('<', pos);
    const run = payload.slice(pos, open < 0 ? payload.length : open);
    text += run.includes('&') ? decodeHTML(run) : run;
    if (open < 0) break;
    const close = payload.indexOf('>', open + 1);
    const tag = payload.slice(open + 1, close < 0 ? payload.length : close);
    pos = close < 0 ? payload.length : close + 1;
    // A start tag's name runs to whitespace or a class dot; its annotation follows the whitespace.
    const match = /^([^\s./][^\s.]*)(?:\.[^\s]*)?[ \t\n\f\r]+([\s\S]*)$/.exec(tag);
    if (!match) continue;
    const annotation = decodeHTMLAttribute(match[2]).trim().replace(/[ \t\n\f\r]+/g, ' ');
    if (match[1] === 'v' && speaker === undefined && annotation !== '') speaker = annotation;
    else if (match[1] === 'lang' && language === undefined && annotation !== '') language = annotation.split(' ')[0];
  }
  return { text, ...(speaker !== undefined ? { speaker } : {}), ...(language !== undefined ? { language } : {}) };
}
