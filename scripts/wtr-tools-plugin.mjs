// Lets the format tests check our files with real tools that run on the server: Debian's ffmpeg
// (SRT <-> WebVTT) and python3-nltk (ConllCorpusReader). Only this fixed whitelist runs: the
// browser sends text, never a command line; each call works in a fresh temp directory that is
// removed afterwards, and programs are started with execFile (no shell).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SUBTITLE_EXT = { srt: 'srt', webvtt: 'vtt' };
const LIMIT = 5_000_000;

// Read our CoNLL file with NLTK's ConllCorpusReader (the tag column read as its 'pos' column), then
// let NLTK chunk the IOB tags into entities and write the tree back as CoNLL (word pos chunk).
const NLTK_CONLL = `
import json, sys
from nltk.corpus.reader import ConllCorpusReader
from nltk.chunk import conlltags2tree, tree2conllstr
reader = ConllCorpusReader(sys.argv[1], ['in.conll'], ('words', 'pos'))
sents = [list(map(list, s)) for s in reader.tagged_sents()]
entities, written = [], []
for s in sents:
    tree = conlltags2tree([(w, '_', t) for w, t in s])
    for node in tree:
        if hasattr(node, 'label'):
            entities.append([node.label(), [w for w, _ in node.leaves()]])
    written.append(tree2conllstr(tree))
print(json.dumps({'sentences': sents, 'entities': entities, 'conll': '\\n\\n'.join(written) + '\\n'}))
`;

async function pythonWithNltk() {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      await run(python, ['-c', 'import nltk']);
      return python;
    } catch {
      /* try the next one */
    }
  }
  throw new Error('python3-nltk is not installed (run `npm run setup`)');
}

async function inTempDir(work) {
  const dir = await mkdtemp(join(tmpdir(), 'kolam-tools-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const commands = {
  /** payload { text, from: 'srt'|'webvtt', to: 'srt'|'webvtt' } → { text } converted by ffmpeg. */
  async 'kolam-ffmpeg-subtitles'({ text, from, to }) {
    if (typeof text !== 'string' || text.length > LIMIT || !SUBTITLE_EXT[from] || !SUBTITLE_EXT[to]) throw new Error('bad payload');
    return inTempDir(async (dir) => {
      const input = join(dir, `in.${SUBTITLE_EXT[from]}`);
      const output = join(dir, `out.${SUBTITLE_EXT[to]}`);
      await writeFile(input, text, 'utf8');
      await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-i', input, output]);
      return { text: await readFile(output, 'utf8') };
    });
  },
  /** payload { conll } → { sentences: [[word, tag]][], entities: [label, words][], conll } from NLTK. */
  async 'kolam-nltk-conll'({ conll }) {
    if (typeof conll !== 'string' || conll.length > LIMIT) throw new Error('bad payload');
    const python = await pythonWithNltk();
    return inTempDir(async (dir) => {
      await writeFile(join(dir, 'in.conll'), conll, 'utf8');
      const { stdout } = await run(python, ['-c', NLTK_CONLL, dir], { maxBuffer: 64 * 1024 * 1024 });
      return JSON.parse(stdout);
    });
  },
};

export function toolsPlugin() {
  return {
    name: 'kolam-tools',
    async executeCommand({ command, payload }) {
      const handler = commands[command];
      if (!handler) return undefined;
      return handler(payload ?? {});
    },
  };
}
