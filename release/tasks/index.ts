// The generic task engine (no release specifics): nodes, plan, runner; the content-addressed
// store and the hashing helpers it shares with translate/ live in common/.
export * from './types.ts';
export { Store, type Entry, type EntryInfo, type Damage } from '../../common/store.ts';
export { pidAlive } from '../../common/atomic.ts';
export { plan, runGraph, topoSort, computeKeys, GraphError, type RunOptions, type RunSummary } from './engine.ts';
export { canonicalJson, hashValue, hashFile, hashTree, listFiles, sha256 } from '../../common/hash.ts';
