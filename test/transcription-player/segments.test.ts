import { expect } from '@open-wc/testing';
import type { Annotation } from '../../src/core/annotation.js';
import { timeRangeOf } from '../../src/core/selectors.js';
import { MIN_SEGMENT, clampEdge, createSegment, gapAround, mergeSegments, splitSegment, withTranscript } from '../../src/transcription-player/segment-edits.js';
import { byTime, languageOf, rangeOf, segmentAt, segmentsBetween, transcriptOf } from '../../src/transcription-player/segments.js';
import { formatClock, tickSteps } from '../../src/transcription-player/time-format.js';
import { listWindow } from '../../src/transcription-player/list-window.js';

const seg = (start: number, end: number, text = '', language?: string): Annotation =>
  createSegment({ source: 'a.wav', range: { start, end }, text, language });

describe('segments', () => {
  it('are supplementing annotations with a plain-text transcript body', () => {
    const s = createSegment({ source: 'a.wav', range: { start: 1.23456, end: 2 }, labelId: 'spk1', text: 'வணக்கம்', language: 'ta' });
    expect(s.motivation).to.equal('supplementing');
    expect(s.target.selector).to.deep.include({ type: 'FragmentSelector', value: 't=1.235,2' });
    expect(s.body).to.deep.equal([
      { type: 'TextualBody', value: 'வணக்கம்', format: 'text/plain', language: 'ta' },
      { type: 'TextualBody', purpose: 'tagging', value: 'spk1' },
    ]);
    expect(transcriptOf(s)).to.equal('வணக்கம்');
    expect(languageOf(s)).to.equal('ta');
  });

  it('change the transcript without touching the speaker or language', () => {
    const s = createSegment({ source: 'a.wav', range: { start: 0, end: 1 }, labelId: 'spk1', text: 'a', language: 'hi' });
    const next = withTranscript(s, 'नमस्ते');
    expect(transcriptOf(next)).to.equal('नमस्ते');
    expect(languageOf(next)).to.equal('hi');
    expect(next.body[1]).to.deep.equal({ type: 'TextualBody', purpose: 'tagging', value: 'spk1' });
    expect(transcriptOf(s)).to.equal('a');
  });

  it('sort by time and find the one under the playhead', () => {
    const a = seg(5, 8);
    const b = seg(0, 2);
    const c = seg(2, 5);
    const sorted = byTime([a, b, c]);
    expect(sorted).to.deep.equal([b, c, a]);
    expect(segmentAt(sorted, 2)).to.equal(c);
    expect(segmentAt(sorted, 9)).to.equal(undefined);
  });

  it('stop a dragged edge at the other edge and at neighbours, never inverting', () => {
    const a = seg(0, 2);
    const b = seg(3, 5);
    const c = seg(6, 8);
    const sorted = [a, b, c];
    expect(clampEdge(sorted, b, 'start', 10, 9)).to.deep.equal({ start: 5 - MIN_SEGMENT, end: 5 });
    expect(clampEdge(sorted, b, 'start', 1, 9)).to.deep.equal({ start: 2, end: 5 });
    expect(clampEdge(sorted, b, 'end', 7, 9)).to.deep.equal({ start: 3, end: 6 });
    expect(clampEdge(sorted, c, 'end', 20, 9)).to.deep.equal({ start: 6, end: 9 });
    expect(gapAround(sorted, 2.5, 9)).to.deep.equal({ start: 2, end: 3 });
  });

  it('split at a time and the text at the caret, and merge back', () => {
    const s = seg(0, 4, 'hello there world');
    const [first, second] = splitSegment(s, 1.5, 11, (range, text) => seg(range.start, range.end, text))!;
    expect(timeRangeOf(first)).to.deep.equal({ start: 0, end: 1.5 });
    expect(transcriptOf(first)).to.equal('hello there');
    expect(rangeOf(second)).to.deep.equal({ start: 1.5, end: 4 });
    expect(transcriptOf(second)).to.equal('world');
    expect(first.id).to.equal(s.id);
    const merged = mergeSegments(first, second);
    expect(timeRangeOf(merged)).to.deep.equal({ start: 0, end: 4 });
    expect(transcriptOf(merged)).to.equal('hello there world');
    expect(splitSegment(s, 0.01, 0, () => s)).to.equal(null);
  });
});

describe('time format', () => {
  it('reads as m:ss.s or h:mm:ss.s', () => {
    expect(formatClock(0)).to.equal('0:00.0');
    expect(formatClock(65.25)).to.equal('1:05.2');
    expect(formatClock(3 * 3600 + 2.5, 0)).to.equal('3:00:02');
    expect(formatClock(NaN)).to.equal('0:00.0');
  });

  it('spaces axis labels at least 80 px apart', () => {
    expect(tickSteps(100).major).to.equal(1);
    expect(tickSteps(0.1).major).to.equal(900);
    expect(tickSteps(2000).major).to.equal(0.05);
  });
});

describe('segment ranges and the list window', () => {
  it('finds the segments overlapping a time range by binary search', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => seg(i * 10, i * 10 + 8));
    const hits = segmentsBetween(sorted, 395, 421, 8);
    expect(hits.map((s) => rangeOf(s).start)).to.deep.equal([390, 400, 410, 420]);
    expect(segmentsBetween(sorted, 2000, 3000, 8)).to.deep.equal([]);
  });

  it('renders the rows near the view and the pinned one, with gaps of the right height', () => {
    const items = Array.from({ length: 1000 }, (_, i) => `row-${i}`);
    const heights = new Map([['row-0', 100]]);
    const out = listWindow({ items, keyOf: (k) => k, heights, estimate: 50, scrollTop: 5000, viewport: 300, overscan: 100, pinned: new Set(['row-900']) });
    const rows = out.filter((i) => i.kind === 'row').map((i) => (i.kind === 'row' ? i.index : -1));
    expect(rows[0]).to.equal(97);
    expect(rows).to.include(900);
    expect(rows.length).to.be.lessThan(20);
    const total = out.reduce((sum, i) => sum + (i.kind === 'gap' ? i.height : (heights.get(i.item) ?? 50)), 0);
    expect(total).to.equal(100 + 999 * 50);
  });

  it('renders short lists whole', () => {
    const items = ['a', 'b', 'c'];
    const out = listWindow({ items, keyOf: (k) => k, heights: new Map(), estimate: 50, scrollTop: 0, viewport: 10, overscan: 0, pinned: new Set() });
    expect(out.map((i) => i.kind)).to.deep.equal(['row', 'row', 'row']);
  });
});
