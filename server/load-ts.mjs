// Lets the server import the tools' own validation (src/core/*.ts) in plain Node 20: one set of
// rules for what the tools accept and what the server stores, no second copy to drift.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
