export { MemoryStore, type MemoryStoreOptions } from './store.js';
export type * from './types.js';
export { SCOPES } from './types.js';
export { preview } from './rows.js';
