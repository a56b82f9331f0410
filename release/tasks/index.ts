// The generic task engine (no release specifics): nodes, content-addressed store, plan, runner.
export * from './types.ts';
export { Store, pidAlive, type Entry, type EntryInfo } from './store.ts';
export { plan, runGraph, topoSort, computeKeys, GraphError, type RunOptions, type RunSummary } from './engine.ts';
export { canonicalJson, hashValue, hashFile, hashTree, listFiles, sha256 } from './hash.ts';
