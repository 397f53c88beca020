import type { Label } from 'kolam';

export const text = 'Ada Lovelace wrote to Charles Babbage from London about the Analytical Engine.';

export const labels: Label[] = [
  { id: 'person', name: 'Person', color: '#d7263d', hotkey: 'p' },
  { id: 'place', name: 'Place', color: '#2e86ab', hotkey: 'l' },
];
