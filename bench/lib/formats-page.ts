// Page entry for bench/formats.mjs: the converters plus our WebVTT's peer, Chromium's own WebVTT
// parser behind <track>, exposed to the bench script.
import { fromCoco, toCoco } from '../../src/formats/coco.js';
import { fromWebVtt, toWebVtt } from '../../src/formats/webvtt.js';

/** Loads WebVTT text through a <track> and resolves with the cue count once Chromium parsed it. */
function chromiumTrackCues(vtt: string): Promise<number> {
  const video = document.createElement('video');
  const track = document.createElement('track');
  track.kind = 'subtitles';
  track.src = URL.createObjectURL(new Blob([vtt], { type: 'text/vtt' }));
  video.append(track);
  document.body.append(video);
  return new Promise((resolve, reject) => {
    track.addEventListener('load', () => {
      const count = track.track.cues?.length ?? 0;
      video.remove();
      resolve(count);
    });
    track.addEventListener('error', () => reject(new Error('track failed')));
    track.track.mode = 'hidden';
  });
}

Object.assign(window, { kolamFormats: { fromCoco, toCoco, fromWebVtt, toWebVtt, chromiumTrackCues }, __benchReady: true });
