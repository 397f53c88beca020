/** `kolam/transcription-player.js`: registers `<kolam-transcription-player>`. */
import { defineElement } from './core/define.js';
import { KolamTranscriptionPlayer } from './transcription-player/transcription-player.js';

defineElement('kolam-transcription-player', KolamTranscriptionPlayer);

export { KolamTranscriptionPlayer };
export type { AudiowaveformJson, Peaks } from './transcription-player/peaks.js';
export { parseAudiowaveform } from './transcription-player/peaks.js';
