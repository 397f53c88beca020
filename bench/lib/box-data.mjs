// The same boxes for Kolam and Annotorious: W3C annotations with `xywh=pixel:` selectors, spread
// over the image from a seeded generator so every run and both tools see identical data.
export const LABELS = [
  { id: 'person', name: 'Person', color: '#e6194b' },
  { id: 'car', name: 'Car', color: '#3cb44b' },
  { id: 'bike', name: 'Bicycle', color: '#ffe119' },
  { id: 'sign', name: 'Sign', color: '#4363d8' },
];

export function makeBoxes(count, width, height, source = 'street.png', seed = 7) {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const boxes = [];
  for (let i = 0; i < count; i++) {
    const w = Math.round(20 + rand() * 140);
    const h = Math.round(20 + rand() * 140);
    const x = Math.round(rand() * (width - w));
    const y = Math.round(rand() * (height - h));
    boxes.push({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `#box-${i}`,
      type: 'Annotation',
      motivation: 'tagging',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: LABELS[i % LABELS.length].id }],
      target: { source, selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: `xywh=pixel:${x},${y},${w},${h}` } },
    });
  }
  return boxes;
}
