// Where a drained generator's YIELD_VALUE puts its items (drain.ts). Its own module, importing
// no values, so that the sinks can extend it whichever module of the import cycle around the
// interpreter loads first.
import type { PyObject } from '../objects/core.ts';

/** offer takes an item and lets the generator run on, or declines it (the generator then
 * suspends with it as a yield does). An offer never runs Python code and never raises. */
export abstract class Sink {
  abstract offer(v: PyObject): boolean;
}
