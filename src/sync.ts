/**
 * `kolam/sync.js`: saves the tools' annotations to a W3C Web Annotation Protocol server, offline
 * first, losing nothing (CONTRACT §10). Registers nothing; `kolam/sync-status.js` registers
 * `<kolam-sync-status>`.
 */
export { connectSync } from './sync/connect-sync.js';
export { KolamSyncStatus, describeSyncState } from './sync/sync-status.js';
export type { SyncConnection, SyncOptions, SyncState, SyncStatus, SyncConflictDetail, ConflictChoice } from './sync/types.js';
