// Transcripts of 1 M UTF-16 units for bench/transcript-scale.mjs: many ordinary segments, a few
// long ones, and one segment whose text is a megabyte with no line break, in English and Tamil.
// Deterministic (a seeded generator), so runs and the before/after builds see the same text.

export const MEGA = 1 << 20;

const english = 'the of and to in is was that for on with as by at from this have not are but had they his her which one you were all we she there been if more when will would who so no out up into said what its about than them can only other time new some could these two may first then do any like my now over such our man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(' ');
const tamil = 'நான் நீ அவன் அவள் அது இது நாம் வீடு பள்ளி புத்தகம் தண்ணீர் சாப்பாடு மழை காற்று வானம் கடல் மரம் பூ பழம் நாள் இரவு காலை மாலை வேலை பேச்சு பாட்டு கதை ஊர் தெரு கோயில் அம்மா அப்பா தம்பி தங்கை நண்பன் ஆசிரியர் மாணவர் படிக்கிறேன் எழுதுகிறேன் போகிறேன் வருகிறேன் பார்த்தேன் கேட்டேன் சொன்னார் இருக்கிறது இல்லை நல்ல பெரிய சின்ன புதிய பழைய இன்று நேற்று நாளை எப்போது எங்கே ஏன் என்ன யார் எப்படி மிகவும் கொஞ்சம் நிறைய'.split(' ');

function words(list, seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return list[s % list.length];
  };
}

/** About `units` UTF-16 units of running text with no line break, ending in a full stop. */
export function runningText(units, language = 'en', seed = 1) {
  const next = words(language === 'ta' ? tamil : english, seed);
  const parts = [];
  let length = 0;
  let sentence = 0;
  while (length < units) {
    let word = next();
    if (sentence === 0 && language !== 'ta') word = word[0].toUpperCase() + word.slice(1);
    sentence = (sentence + 1) % 14;
    const piece = sentence === 0 ? `${word}.` : word;
    parts.push(piece);
    length += piece.length + 1;
  }
  return parts.join(' ').slice(0, units - 1) + '.';
}

function segment(i, start, end, text, language) {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `seg-${i}`,
    type: 'Annotation',
    motivation: 'supplementing',
    body: [{ type: 'TextualBody', value: text, format: 'text/plain', language }],
    target: { source: 'bench', selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: `t=${start},${end}` } },
  };
}

/** The cases: name → { label, annotations, duration (s) }. Each totals MEGA UTF-16 units of text. */
export function transcriptCases() {
  const many = (language) => {
    const count = 5000;
    const each = Math.floor(MEGA / count);
    return Array.from({ length: count }, (_, i) => segment(i, i * 5, i * 5 + 4.5, runningText(each, language, i + 1), language));
  };
  const few = () =>
    Array.from({ length: 4 }, (_, i) => segment(i, i * 60, i * 60 + 55, runningText(MEGA / 4, i % 2 ? 'ta' : 'en', i + 7), i % 2 ? 'ta' : 'en'));
  return {
    'many-en': { label: '5,000 segments × 210 units, English', annotations: many('en'), duration: 25000 },
    'many-ta': { label: '5,000 segments × 210 units, Tamil', annotations: many('ta'), duration: 25000 },
    'few-mixed': { label: '4 segments × 256 K units, English and Tamil, no line breaks', annotations: few(), duration: 240 },
    'one-en': { label: '1 segment of 1 M units, English, no line break', annotations: [segment(0, 1, 50, runningText(MEGA, 'en', 3), 'en')], duration: 60 },
    'one-ta': { label: '1 segment of 1 M units, Tamil, no line break', annotations: [segment(0, 1, 50, runningText(MEGA, 'ta', 5), 'ta')], duration: 60 },
  };
}
