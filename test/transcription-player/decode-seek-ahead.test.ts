import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { KolamTranscriptionPlayer } from '../../src/transcription-player.js';
import { shadow, waveformOf } from './helpers.js';

/** Ink well above the waveform's middle line: sound, not the line silence (or no data yet) draws. */
function hasSound(canvas: HTMLCanvasElement): boolean {
  const dpr = canvas.width / canvas.clientWidth;
  // Below the time axis (20 px) and its margin; the middle is halfway down what is left.
  const top = Math.ceil(24 * dpr);
  const middle = top + (canvas.height - top) / 2;
  const rows = Math.floor((middle - top) * 0.6);
  const data = canvas.getContext('2d')!.getImageData(0, top, canvas.width, rows).data;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true;
  return false;
}

/** The waveform chunks the view shows now. */
function canvasesInView(el: KolamTranscriptionPlayer): HTMLCanvasElement[] {
  const wave = waveformOf(el);
  const [left, right] = [wave.scrollLeft, wave.scrollLeft + wave.clientWidth];
  return [...shadow(el).querySelectorAll<HTMLCanvasElement>('.chunks canvas')].filter((c) => c.offsetLeft < right && c.offsetLeft + c.offsetWidth > left);
}

/** The percent the loading status shows, or null once it is gone. */
function percentShown(el: KolamTranscriptionPlayer): number | null {
  const text = shadow(el).querySelector('.status.loading')?.textContent ?? null;
  return text === null ? null : Number(/(\d+)\s*%/.exec(text)?.[1] ?? 0);
}

describe('<kolam-transcription-player> a long file, seeked far ahead while it decodes', () => {
  it('draws the stretch in view before the ones between, then the rest', async () => {
    // 24 minutes from a server that answers byte ranges, each at 400 KB/s (a window of 480 KB in
    // about a second, the file in 15 s read in order): read in two-minute windows.
    const el = await fixture<KolamTranscriptionPlayer>(html`<kolam-transcription-player style="width:800px" src="/__media/range/tones-long.mp3?kbps=400"></kolam-transcription-player>`);
    await waitUntil(() => el.duration > 1400, 'the length is known', { timeout: 10000 });
    el.zoom = 20;
    await el.updateComplete;
    await waitUntil(() => shadow(el).querySelector('[part~="overview"] canvas'), 'the overview strip is shown');
    // Pressed on the overview strip at 85 %: the view moves to about 20 min in.
    const strip = shadow(el).querySelector('[part~="overview"] canvas')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(strip.left + strip.width * 0.85), Math.round(strip.top + strip.height / 2)] });
    const start = waveformOf(el).scrollLeft / el.zoom;
    expect(start, 'the view moved far ahead').to.be.above(1100);
    expect(percentShown(el), 'still decoding the start').to.be.below(50);
    let percent: number | null = null;
    await waitUntil(
      () => {
        if (!canvasesInView(el).some(hasSound)) return false;
        percent = percentShown(el);
        return true;
      },
      'the view is drawn',
      { timeout: 20000, interval: 20 },
    );
    // Read in file order, the view's window would come after 80 % of the file; it came next.
    expect(percent, 'drawn while the windows between still wait').to.not.equal(null);
    expect(percent!).to.be.below(60);
    await waitUntil(() => el.waveformReady, 'the whole file is drawn', { timeout: 30000 });
    expect(percentShown(el)).to.equal(null);
  });
});
