import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { fromConll, toConll } from '../../src/formats/conll.js';
import { essences, expectFormatError, fixture, span } from './helpers.js';

const text = 'Kumar (of Chennai) met Dr. Rao 🙂 in New York.\nThe U.S. team won.';

describe('conll', () => {
  const ours = [span('doc', text, 0, 5, 'PER'), span('doc', text, 10, 17, 'LOC'), span('doc', text, 27, 30, 'PER'), span('doc', text, 36, 44, 'LOC'), span('doc', text, 50, 54, 'LOC')];

  it('writes token TAG lines in IOB2, a blank line between sentences', () => {
    const { text: conll } = toConll(ours, { text });
    expect(conll.split('\n\n')).to.have.length(2);
    expect(conll).to.include('Kumar B-PER\n(').and.include('New B-LOC\nYork I-LOC\n. O').and.include('U.S B-LOC\n. I-LOC\nteam O');
    expect(conll).to.include('🙂 O');
  });

  it('round-trips exactly when given the original text', () => {
    const { text: conll } = toConll(ours, { text });
    const back = fromConll(conll, { source: 'doc', text });
    expect(essences(back.annotations)).to.deep.equal(essences(ours));
  });

  it('rebuilds a text without one, tokens joined by spaces and sentences by newlines', () => {
    const { text: conll } = toConll(ours, { text });
    const back = fromConll(conll, { source: 'doc' });
    expect(back.text.split('\n')[0]).to.equal('Kumar ( of Chennai ) met Dr . Rao 🙂 in New York .');
    const quotes = back.annotations.map((a) => (a.target.selector as { exact?: string }[])[1].exact);
    expect(quotes).to.deep.equal(['Kumar', 'Chennai', 'Rao', 'New York', 'U.S .']);
    const york = back.tokens.find((t) => t.token === 'York')!;
    expect(Array.from(back.text).slice(york.start, york.end).join('')).to.equal('York');
  });

  it('round-trips a CRLF text with runs of spaces and tabs, offsets unchanged', () => {
    const t = 'Ravi  met\tKumar\r\n\r\nin   சென்னை 🙂.\r\n';
    const list = [span('doc', t, 0, 4, 'PER'), span('doc', t, 10, 15, 'PER'), span('doc', t, 24, 30, 'LOC')];
    const { text: conll, tokens } = toConll(list, { text: t });
    expect(tokens.filter((k) => k.tag !== 'O').map((k) => Array.from(t).slice(k.start, k.end).join(''))).to.deep.equal(['Ravi', 'Kumar', 'சென்னை']);
    expect(essences(fromConll(conll, { source: 'doc', text: t }).annotations)).to.deep.equal(essences(list));
  });

  it('splits tokens at span edges so spans cover whole tokens', () => {
    const t = 'preKumarpost';
    const { tokens } = toConll([span('doc', t, 3, 8, 'PER')], { text: t });
    expect(tokens.map((k) => `${k.token}/${k.tag}`)).to.deep.equal(['pre/O', 'Kumar/B-PER', 'post/O']);
  });

  it('reads CoNLL-2003 columns, -DOCSTART-, IOB1 and BIOES tags', () => {
    const file = '-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\nBritish JJ B-NP I-MISC\n\nPeter NNP B-NP S-PER\nvan NNP I-NP B-PER\nDyke NNP I-NP E-PER\n';
    const { annotations, text: rebuilt } = fromConll(file, { source: 'doc' });
    expect(rebuilt).to.equal('EU rejects German British\nPeter van Dyke');
    const found = annotations.map((a) => `${(a.target.selector as { exact?: string }[])[1].exact}/${(a.body[0] as { value: string }).value}`);
    expect(found).to.deep.equal(['EU/ORG', 'German British/MISC', 'Peter/PER', 'van Dyke/PER']);
  });

  it('refuses overlaps, spans edged with whitespace or crossing lines, unless skipping', () => {
    const t = 'New York City\nnext';
    expectFormatError(() => toConll([span('doc', t, 0, 8, 'LOC'), span('doc', t, 4, 13, 'LOC')], { text: t }), 'overlaps another span');
    expectFormatError(() => toConll([span('doc', t, 3, 8, 'LOC')], { text: t }), 'whitespace');
    expectFormatError(() => toConll([span('doc', t, 9, 18, 'LOC')], { text: t }), 'crosses a line break');
    expectFormatError(() => toConll([span('doc', t, 0, 3, 'A B')], { text: t }), "break CoNLL's columns");
    const skipped: string[] = [];
    const { text: conll } = toConll([span('doc', t, 0, 8, 'LOC'), span('doc', t, 4, 13, 'LOC')], { text: t, onSkip: (_, why) => skipped.push(why) });
    expect(conll).to.include('New B-LOC\nYork I-LOC\nCity O');
    expect(skipped).to.have.length(1);
  });

  it('rejects malformed lines saying which and why', () => {
    expectFormatError(() => fromConll('Kumar B-PER\nlives\n', { source: 'd', strict: true }), 'conll: line 2', 'one column');
    expectFormatError(() => fromConll('Kumar NNP B-PER\nlives O\n', { source: 'd', strict: true }), 'line 2', 'has 2 columns where earlier lines have 3');
    expectFormatError(() => fromConll('Kumar PERSON\n', { source: 'd' }), 'line 1', 'tag "PERSON" is not O or B-/I-');
    expectFormatError(() => fromConll('Kumar B-PER\nlives O\n', { source: 'd', text: 'Kumar loves', strict: true }), 'line 2', 'token "lives" does not match the text at code point 6');
    expectFormatError(() => fromConll(undefined as never, { source: 'd' }), 'should be text');
  });

  it('reads WNUT17 tokens that carry U+FEFF or U+200B, and writes them back (not "whitespace")', async () => {
    const file = await fixture('wnut17-invisible.conll');
    const back = fromConll(file, { source: 'tweet' });
    expect(back.skipped).to.deep.equal([]);
    expect(back.tokens.map((t) => t.token)).to.include.members(['\ufeffs', '\u200b', 'Building\ufeff', 'Green\u200bDay', '\ufeff']);
    const found = back.annotations.map((a) => `${(a.target.selector as { exact?: string }[])[1].exact}/${(a.body[0] as { value: string }).value}`);
    expect(found).to.deep.equal(['Empire State Building\ufeff/location', 'ESB/location', 'Green\u200bDay/group']);
    // This threw "starts or ends with whitespace": JavaScript's \s counts U+FEFF, CoNLL does not.
    const { text: conll } = toConll(back.annotations, { text: back.text, separator: '\t' });
    expect(conll).to.include('Building\ufeff\tI-location\n').and.include('\n\u200b\tO\n').and.include('Green\u200bDay\tB-group\n').and.include('\n\ufeff\tO\n');
    expect(essences(fromConll(conll, { source: 'tweet', text: back.text }).annotations)).to.deep.equal(essences(back.annotations));
  });

  it('still refuses a span edged with a real separator, such as a no-break space', () => {
    const t = 'Rs.\u00a0500 paid';
    expectFormatError(() => toConll([span('doc', t, 3, 8, 'MONEY')], { text: t }), 'starts or ends with whitespace');
  });

  it('aligns to a text whose invisible characters the file left out, and to tokens that keep them', () => {
    const t = '\ufeffKumar met\u200b Ravi';
    const { annotations } = fromConll('Kumar B-PER\nmet O\nRavi B-PER\n', { source: 'doc', text: t });
    expect(annotations.map((a) => (a.target.selector as { start: number }[])[0].start)).to.deep.equal([1, 12]);
    const kept = fromConll('Ravi B-PER\nmet\u200b O\n\ufeffKumar B-PER\n', { source: 'doc', text: 'Ravi met\u200b \ufeffKumar' });
    expect(kept.annotations.map((a) => (a.target.selector as { exact: string }[])[1].exact)).to.deep.equal(['Ravi', '\ufeffKumar']);
    // At the very start of the file, U+FEFF is a byte order mark: the file's encoding, not a token's.
    expect(fromConll('\ufeffKumar B-PER\n', { source: 'doc' }).tokens[0].token).to.equal('Kumar');
  });

  it('skips a line it cannot read, saying where, and reads on (also aligned to the text)', () => {
    const file = 'Kumar B-PER\nlives\nin O\nChennai B-LOCATION extra\nnow O\n';
    const { annotations, skipped, tokens } = fromConll(file, { source: 'd', text: 'Kumar lives in Chennai now' });
    expect(tokens.map((t) => [t.token, t.start])).to.deep.equal([['Kumar', 0], ['in', 12], ['now', 23]]);
    expect(annotations).to.have.length(1);
    expect(skipped).to.deep.equal([
      { where: 'line 2', line: 2, reason: 'should be "token … TAG", found one column "lives"' },
      { where: 'line 4', line: 4, reason: 'has 3 columns where earlier lines have 2' },
    ]);
    const typo = fromConll('Kumar B-PER\nlovs O\nRavi B-PER\n', { source: 'd', text: 'Kumar loves Ravi' });
    expect(typo.tokens.map((t) => [t.token, t.start])).to.deep.equal([['Kumar', 0], ['Ravi', 12]]);
    expect(typo.skipped).to.deep.equal([{ where: 'line 2', line: 2, reason: 'token "lovs" does not match the text at code point 6 ("love")' }]);
    expect(fromConll('Kumar PERSON\nhere O\n', { source: 'd' }).skipped).to.deep.equal([{ where: 'line 1, column 7', line: 1, column: 7, reason: 'tag "PERSON" is not O or B-/I-/E-/S-<label>' }]);
    expectFormatError(() => fromConll('{"text": "a doccano line"}\n', { source: 'd' }), 'conll: line 1', 'nothing in the file could be read');
  });

  describe('read back by NLTK (Debian python3-nltk ConllCorpusReader)', () => {
    it('gives NLTK the same tokens, tags and entities', async () => {
      const { text: conll, tokens } = toConll(ours, { text });
      const nltk = await executeServerCommand<{ sentences: [string, string][][]; entities: [string, string[]][]; conll: string }, { conll: string }>('kolam-nltk-conll', { conll });
      expect(nltk.sentences.flat()).to.deep.equal(tokens.map((t) => [t.token, t.tag]));
      expect(nltk.entities).to.deep.equal([
        ['PER', ['Kumar']],
        ['LOC', ['Chennai']],
        ['PER', ['Rao']],
        ['LOC', ['New', 'York']],
        ['LOC', ['U.S', '.']],
      ]);
    });

    it('gives NLTK the same WNUT17 tokens with their invisible characters', async () => {
      const back = fromConll(await fixture('wnut17-invisible.conll'), { source: 'tweet' });
      const { text: conll, tokens } = toConll(back.annotations, { text: back.text, separator: '\t' });
      const nltk = await executeServerCommand<{ sentences: [string, string][][]; entities: [string, string[]][] }, { conll: string }>('kolam-nltk-conll', { conll });
      expect(nltk.sentences.flat()).to.deep.equal(tokens.map((t) => [t.token, t.tag]));
      expect(nltk.entities).to.deep.equal([
        ['location', ['Empire', 'State', 'Building\ufeff']],
        ['location', ['ESB']],
        ['group', ['Green\u200bDay']],
      ]);
    });

    it('reads the CoNLL NLTK writes (word pos chunk) back to our spans', async () => {
      const { text: conll } = toConll(ours, { text });
      const nltk = await executeServerCommand<{ conll: string }, { conll: string }>('kolam-nltk-conll', { conll });
      expect(nltk.conll.split('\n')[0]).to.equal('Kumar _ B-PER');
      const back = fromConll(nltk.conll, { source: 'doc', text });
      expect(essences(back.annotations)).to.deep.equal(essences(ours));
    });
  });
});
