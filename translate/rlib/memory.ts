// Heap exhaustion, as an exception a program can catch (PyPy's rlib raises MemoryError the
// same way). Translated, the collector raises it at the first function entry after a
// collection could not bring the heap back under RTS_HEAP_LIMIT_MB (see rts.h); the program
// then runs on a reserve until it has unwound and dropped what it held. Untranslated, Node has
// no catchable equivalent (V8 aborts the process), so this is never raised there.
export class MemoryError extends Error {}
