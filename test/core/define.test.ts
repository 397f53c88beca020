import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { defineElement } from '../../src/core/define.js';
import '../../src/index.js';
import { KolamBoxTool, KolamLabelSet, KolamSpanTagger, KolamTranscriptionPlayer } from '../../src/index.js';

describe('registering elements', () => {
  it('registers every element from the main entry', () => {
    expect(customElements.get('kolam-box-tool')).to.equal(KolamBoxTool);
    expect(customElements.get('kolam-span-tagger')).to.equal(KolamSpanTagger);
    expect(customElements.get('kolam-transcription-player')).to.equal(KolamTranscriptionPlayer);
    expect(customElements.get('kolam-label-set')).to.equal(KolamLabelSet);
    expect(customElements.get('kolam-label')).to.not.equal(undefined);
  });

  it('tolerates a second copy of Kolam registering the same names, keeping the first', () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      // What a second bundled copy does: the same tag with a different class.
      class SecondCopy extends LitElement {}
      expect(() => defineElement('kolam-box-tool', SecondCopy)).not.to.throw();
      expect(() => defineElement('kolam-box-tool', KolamBoxTool)).not.to.throw();
    } finally {
      console.warn = original;
    }
    expect(customElements.get('kolam-box-tool')).to.equal(KolamBoxTool);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.contain('kolam-box-tool');
  });
});
