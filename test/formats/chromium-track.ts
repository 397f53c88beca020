// Chromium's own WebVTT parser, behind <track>: the reference our parser is checked against.
import type { Annotation } from '../../src/core/annotation.js';
import { readCueSettings, type WebVttImport } from '../../src/formats/webvtt.js';

/** Loads WebVTT text through a <track> in this Chromium and returns its cues. */
export async function chromiumCues(vtt: string): Promise<VTTCue[]> {
  const video = document.createElement('video');
  const track = document.createElement('track');
  track.kind = 'subtitles';
  track.src = URL.createObjectURL(new Blob([vtt], { type: 'text/vtt' }));
  video.append(track);
  document.body.append(video);
  const loaded = new Promise((resolve, reject) => {
    track.addEventListener('load', resolve);
    track.addEventListener('error', () => reject(new Error('Chromium refused the WebVTT')));
  });
  track.track.mode = 'hidden';
  await loaded;
  const cues = Array.from(track.track.cues ?? []) as VTTCue[];
  video.remove();
  return cues;
}

/** What both sides say about a cue: identifier, times, shown text, and the layout its settings give. */
export interface CueView {
  id: string;
  start: number;
  end: number;
  text: string;
  line: number | 'auto';
  snapToLines: boolean;
  position: number | 'auto';
  size: number;
  align: string;
  vertical: string;
}

/** Chromium's cues, as CueViews. The text is what it renders: getCueAsHTML()'s textContent. */
export async function chromiumView(vtt: string): Promise<CueView[]> {
  return (await chromiumCues(vtt)).map((c) => ({
    id: c.id,
    start: c.startTime,
    end: c.endTime,
    text: c.getCueAsHTML().textContent ?? '',
    line: c.line as number | 'auto',
    snapToLines: c.snapToLines,
    position: c.position as number | 'auto',
    size: c.size,
    align: c.align,
    vertical: c.vertical,
  }));
}

const timeOf = (a: Annotation) => {
  const [start, end] = (a.target.selector as { value: string }).value.slice(2).split(',').map(Number);
  return { start, end };
};

/**
 * Our import of the same file as CueViews. Import it with `newId` making ids without a colon, so an
 * id with one came from the file's identifier.
 */
export function ourView(result: WebVttImport): CueView[] {
  return result.annotations.map((a) => {
    const extras = result.cues[a.id] ?? {};
    const { settings } = readCueSettings(extras.settings ?? '', []);
    const body = a.body.find((b) => b.type === 'TextualBody' && b.purpose !== 'tagging') as { value: string } | undefined;
    return {
      id: extras.identifier ?? (a.id.includes(':') ? a.id : ''),
      ...timeOf(a),
      text: body?.value ?? '',
      line: settings.line,
      snapToLines: settings.snapToLines,
      position: settings.position,
      size: settings.size,
      align: settings.align,
      vertical: settings.vertical,
    };
  });
}
