/** `kolam/sync-status.js`: registers `<kolam-sync-status>`. */
import { defineElement } from './core/define.js';
import { KolamSyncStatus } from './sync/sync-status.js';

defineElement('kolam-sync-status', KolamSyncStatus);

export * from './sync.js';
