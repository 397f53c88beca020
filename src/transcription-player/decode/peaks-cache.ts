/**
 * Decoded peaks kept per file in IndexedDB, so reopening a recording draws at once. The key is the
 * URL with the response's size and ETag (or Last-Modified): a changed file is a new key. A missing
 * or blocked IndexedDB (private windows, some CSPs) only means no cache.
 */
import type { Peaks } from '../peaks.js';

const DB = 'kolam-peaks';
const STORE = 'peaks';

let opening: Promise<IDBDatabase | null> | undefined;

function open(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    try {
      const request = indexedDB.open(DB, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opening;
}

/** The cache key, or null when the file has nothing to tell versions apart (blob: URLs are one-offs). */
export function cacheKey(url: string, size: number, version: string | null): string | null {
  if (!size || url.startsWith('blob:') || url.startsWith('data:')) return null;
  return `${url}\n${size}\n${version ?? ''}`;
}

const isPeakArray = (v: unknown) => v instanceof Int8Array || v instanceof Float32Array;

export async function readCachedPeaks(key: string): Promise<Peaks | null> {
  const db = await open();
  if (!db) return null;
  return new Promise((resolve) => {
    try {
      const request = db.transaction(STORE, 'readonly').objectStore(STORE).get(key);
      request.onsuccess = () => {
        const value = request.result as Peaks | undefined;
        resolve(value && isPeakArray(value.min) && isPeakArray(value.max) && value.rate > 0 ? value : null);
      };
      request.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

export async function storeCachedPeaks(key: string, peaks: Peaks): Promise<void> {
  const db = await open();
  if (!db) return;
  await new Promise<void>((resolve) => {
    try {
      const transaction = db.transaction(STORE, 'readwrite');
      transaction.objectStore(STORE).put({ ...peaks }, key);
      transaction.oncomplete = transaction.onerror = transaction.onabort = () => resolve();
    } catch {
      // Quota or a closed database: the next open decodes again.
      resolve();
    }
  });
}
