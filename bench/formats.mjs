#!/usr/bin/env node
// Times the converters on large inputs (issue 6: a 50,000-box COCO file and a 10,000-cue WebVTT in
// well under a second), in Node (the modules bundled by esbuild, as a server would run them) and
// in headless Chromium. Each figure has a reference measured in the same run on the same data:
// - COCO: JSON.parse + JSON.stringify of the same file, the floor any converter pays;
// - WebVTT: Chromium's own parser loading the same file through <track> (the peer).
// Every timing is checked to have done its job (counts and a sample annotation). Usage:
//   node bench/formats.mjs [runs=5]
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { printComparison, round, startBench, stats } from './lib/harness.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const runs = Number(process.argv[2] ?? 5);
const BOXES = 50_000;
const IMAGES = 500;
const CUES = 10_000;

// --- data, identical in Node and the page (plain JSON) --------------------------------------
const MEDIA = 'http://www.w3.org/TR/media-frags/';
const annotation = (i, source, value, body, motivation = 'tagging') => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  type: 'Annotation',
  motivation,
  created: '2026-11-25T10:00:00.000Z',
  modified: '2026-11-25T10:00:00.000Z',
  creator: { id: 'worker-17', type: 'Person' },
  body,
  target: { source, selector: { type: 'FragmentSelector', conformsTo: MEDIA, value } },
});
const tag = (value) => ({ type: 'TextualBody', purpose: 'tagging', value });
function makeBoxes() {
  const list = [];
  for (let i = 0; i < BOXES; i++) {
    const x = (i * 37) % 1500;
    const y = (i * 53) % 1100;
    list.push(annotation(i, `https://example.org/images/${i % IMAGES}.jpg`, `xywh=pixel:${x},${y},${10 + (i % 90)},${10 + (i % 80)}`, [tag(`class-${i % 80}`)]));
  }
  const images = Array.from({ length: IMAGES }, (_, i) => ({ source: `https://example.org/images/${i}.jpg`, width: 1600, height: 1200 }));
  return { list, images };
}
function makeCues() {
  const list = [];
  for (let i = 0; i < CUES; i++) {
    const start = i * 2.5;
    list.push(
      annotation(i, 'https://example.org/talk.mp3', `t=${start},${round(start + 2.25, 3)}`, [
        { type: 'TextualBody', value: `Line ${i}: வணக்கம், this is what speaker ${i % 4} said & more`, format: 'text/plain' },
        tag(`speaker-${i % 4}`),
      ], 'supplementing'),
    );
  }
  return list;
}

/** Times `work` `runs` times (after one warm-up) and returns stats plus the last result. */
function time(work) {
  let result = work();
  const samples = [];
  const cpu = [];
  for (let r = 0; r < runs; r++) {
    // Let the previous result go first: a real import holds one, and GC of two skews the figure.
    // eslint-disable-next-line no-useless-assignment -- releasing the reference is the point
    result = undefined;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = work();
    samples.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  // CPU time (all threads, GC included) is steadier than wall time on a shared, loaded machine.
  return { ...stats(samples), cpu: stats(cpu).p50, result };
}

function check(condition, what) {
  if (!condition) throw new Error(`bench did not do its job: ${what}`);
}

// --- Node ------------------------------------------------------------------------------------
async function inNode() {
  const outdir = join(root, 'bench/.cache');
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: { 'formats-node': join(root, 'bench/lib/formats-node-entry.ts') },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outdir,
    outExtension: { '.js': '.mjs' },
    target: 'node20',
    minify: true,
    logLevel: 'warning',
    tsconfig: join(root, 'tsconfig.json'),
  });
  const { fromCoco, toCoco, fromWebVtt, toWebVtt } = await import(pathToFileURL(join(outdir, 'formats-node.mjs')).href);
  const { list: boxes, images } = makeBoxes();
  const cues = makeCues();

  const cocoOut = time(() => JSON.stringify(toCoco(boxes, { images })));
  const cocoText = cocoOut.result;
  const cocoIn = time(() => fromCoco(cocoText));
  check(cocoIn.result.annotations.length === BOXES && cocoIn.result.annotations[BOXES - 1].target.selector.value === boxes[BOXES - 1].target.selector.value, 'COCO');
  const cocoFloor = time(() => JSON.stringify(JSON.parse(cocoText)));

  const vttOut = time(() => toWebVtt(cues));
  const vttText = vttOut.result;
  const vttIn = time(() => fromWebVtt(vttText, { source: 'https://example.org/talk.mp3' }));
  check(vttIn.result.annotations.length === CUES && vttIn.result.annotations[CUES - 1].id === cues[CUES - 1].id, 'WebVTT');
  // A partial read would be faster and wrong: every cue and box must have been read, none skipped.
  check(vttIn.result.skipped.length === 0 && vttIn.result.warnings.length === 0 && cocoIn.result.skipped.length === 0, 'nothing skipped');

  console.log(`Node ${process.version}: ${BOXES} boxes on ${IMAGES} images (COCO ${(cocoText.length / 1e6).toFixed(1)} MB), ${CUES} cues (WebVTT ${(vttText.length / 1e6).toFixed(1)} MB); p50 of ${runs} runs after a warm-up`);
  printComparison(
    'Node — converters vs the JSON floor (same COCO text: JSON.parse + JSON.stringify)',
    [
      { figure: `toCoco + stringify, ${BOXES} boxes (p50)`, ours: cocoOut.p50, peer: cocoFloor.p50 },
      { figure: `fromCoco from text, ${BOXES} boxes (p50)`, ours: cocoIn.p50, peer: cocoFloor.p50 },
      { figure: `fromCoco (p95)`, ours: cocoIn.p95, peer: cocoFloor.p95 },
      { figure: `toWebVtt, ${CUES} cues (p50)`, ours: vttOut.p50 },
      { figure: `fromWebVtt, ${CUES} cues (p50)`, ours: vttIn.p50 },
      { figure: `fromWebVtt (p95)`, ours: vttIn.p95 },
    ],
    'JSON floor',
  );
  console.log(
    `CPU time p50 (user+system, all threads): toCoco ${cocoOut.cpu} ms, fromCoco ${cocoIn.cpu} ms, JSON floor ${cocoFloor.cpu} ms, toWebVtt ${vttOut.cpu} ms, fromWebVtt ${vttIn.cpu} ms`,
  );
  return { boxes, images, cues, vttText, cocoText };
}

// --- Chromium ----------------------------------------------------------------------------------
async function inChromium({ boxes, images, cues }) {
  const bench = await startBench({ entries: { 'formats-page': 'bench/lib/formats-page.ts' } });
  try {
    const page = await bench.newPage({ entry: 'formats-page' });
    const figures = await page.evaluate(
      async ({ boxes, images, cues, runs, BOXES, CUES }) => {
        const { fromCoco, toCoco, fromWebVtt, toWebVtt, chromiumTrackCues } = window.kolamFormats;
        const sample = async (work) => {
          let result = await work();
          const times = [];
          for (let r = 0; r < runs; r++) {
            // eslint-disable-next-line no-useless-assignment -- release the previous result before timing
            result = undefined;
            const t0 = performance.now();
            result = await work();
            times.push(performance.now() - t0);
          }
          times.sort((a, b) => a - b);
          return { p50: times[Math.floor(times.length / 2)], p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))], result };
        };
        const cocoText = JSON.stringify(toCoco(boxes, { images }));
        const cocoOut = await sample(() => JSON.stringify(toCoco(boxes, { images })));
        const cocoIn = await sample(() => fromCoco(cocoText));
        const cocoFloor = await sample(() => JSON.stringify(JSON.parse(cocoText)));
        const vtt = toWebVtt(cues);
        const vttOut = await sample(() => toWebVtt(cues));
        const vttIn = await sample(() => fromWebVtt(vtt, { source: 'https://example.org/talk.mp3' }));
        const track = await sample(() => chromiumTrackCues(vtt));
        return {
          ok:
            cocoIn.result.annotations.length === BOXES &&
            cocoIn.result.skipped.length === 0 &&
            vttIn.result.annotations.length === CUES &&
            vttIn.result.skipped.length === 0 &&
            track.result === CUES,
          cocoOut, cocoIn, cocoFloor, vttOut, vttIn, track,
        };
      },
      { boxes, images, cues, runs, BOXES, CUES },
    );
    check(figures.ok, 'Chromium: counts of COCO annotations, our cues and <track> cues');
    const r = (v) => round(v);
    printComparison(
      `Chromium ${bench.browser.version()} — converters vs the JSON floor (COCO) and Chromium's own WebVTT parser via <track> (peer)`,
      [
        { figure: `toCoco + stringify, ${BOXES} boxes (p50)`, ours: r(figures.cocoOut.p50), peer: r(figures.cocoFloor.p50) },
        { figure: `fromCoco from text, ${BOXES} boxes (p50)`, ours: r(figures.cocoIn.p50), peer: r(figures.cocoFloor.p50) },
        { figure: `toWebVtt, ${CUES} cues (p50)`, ours: r(figures.vttOut.p50) },
        { figure: `fromWebVtt vs <track> load, ${CUES} cues (p50)`, ours: r(figures.vttIn.p50), peer: r(figures.track.p50) },
        { figure: `fromWebVtt vs <track> load (p95)`, ours: r(figures.vttIn.p95), peer: r(figures.track.p95) },
      ],
      'floor / peer',
    );
  } finally {
    await bench.close();
  }
}

const data = await inNode();
await inChromium(data);
