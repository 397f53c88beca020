// Shared by the diagnostic decode pages: an MP3 cut into runs of whole frames, as the decoder cuts
// its windows.
import { id3Length, mp3FrameAt } from '../../src/transcription-player/decode/mp3-frames.ts';

/** [start, end) byte offsets of runs of whole frames of about `bytes` each, the last one shorter. */
export function mp3Runs(file, bytes) {
  let at = id3Length(file);
  while (at < file.length && !mp3FrameAt(file, at)) at++;
  const runs = [];
  let start = at;
  while (at < file.length) {
    const f = mp3FrameAt(file, at);
    if (!f) break;
    at += f.length;
    if (at - start >= bytes) {
      runs.push([start, at]);
      start = at;
    }
  }
  if (at > start) runs.push([start, at]);
  return runs;
}
