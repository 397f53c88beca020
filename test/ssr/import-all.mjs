// Run in a fresh Node process with no DOM shim: imports every entry and prints what threw.
import { packageEntries } from './entries.mjs';

const failures = [];
for (const entry of packageEntries()) {
  try {
    await import(entry);
  } catch (error) {
    failures.push({ entry, error: String(error?.stack ?? error).split('\n').slice(0, 4).join('\n') });
  }
}
console.log(JSON.stringify({ entries: packageEntries(), failures }));
