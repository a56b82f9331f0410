// The one wall-clock limit of the test suite. Tests choose how much work they do, and how long
// that takes depends on the machine and on what else runs on it (two suites at once on two
// cores take twice as long), so no test gives a deadline to its work. This limit only stops a
// process or test that is hung, with a margin no slow machine reaches.
export const HANG_MS = 40 * 60_000;
