// Draining a generator into a builtin consumer (sum, list, tuple, str.join, sorted...): the
// consumer hands the generator's frame a sink, and the frame's own YIELD_VALUE gives each
// item to it and runs on, instead of suspending and being resumed once per item. A sink takes
// only what it can take without running Python code, so nothing can see the generator still
// running while it does; an item it declines suspends the generator as a yield does, and the
// consumer takes that item its usual way. The JIT records the offer into a generator's loop
// (recorder.ts), so a drained generator's loop runs all its items in one entry.
import { PyObject, PyInt, PyFloat, PyStr, None, True, False, intType, floatType, strType, generatorType, newFloat, bigOf } from '../objects/core.ts';
import { intAdd } from '../objects/intops.ts';
import { PyGenerator } from './frame.ts';
import { Sink } from './sink.ts';
import { genSend } from './eval.ts';
import { VM } from './state.ts';
import { iterNext } from './runtime.ts';

/** Takes every item (list(), tuple(), str.join, sorted: they collect first). */
export class ListSink extends Sink {
  items: PyObject[];
  constructor(items: PyObject[]) {
    super();
    this.items = items;
  }
  override offer(v: PyObject): boolean {
    this.items.push(v);
    return true;
  }
}

/** sum(): adds exact floats to a float, and small exact ints to an int; anything else (whose
 * + may be Python code, or differs by type) is declined and added by binaryOp. */
export class SumSink extends Sink {
  acc: PyObject;
  constructor(acc: PyObject) {
    super();
    this.acc = acc;
  }
  override offer(v: PyObject): boolean {
    const a = this.acc;
    if (a instanceof PyFloat && v instanceof PyFloat && a.cls === floatType && v.cls === floatType) {
      this.acc = newFloat(a.v + v.v);
      return true;
    }
    if (a instanceof PyInt && v instanceof PyInt && a.cls === intType && v.cls === intType && bigOf(a) === null && bigOf(v) === null) {
      this.acc = intAdd(a, v);
      return true;
    }
    return false;
  }
}

/** any() (wanted true) and all() (wanted false): takes the items whose truth is known without
 * running Python code and is not the one that ends the consumer; declines the rest. */
export class TruthSink extends Sink {
  ends: boolean;
  constructor(ends: boolean) {
    super();
    this.ends = ends;
  }
  override offer(v: PyObject): boolean {
    let b: boolean;
    if (v === True || v === False) b = v === True;
    else if (v === None) b = false;
    else if (v instanceof PyInt && v.cls === intType) b = bigOf(v) !== null || v.v !== 0;
    else if (v instanceof PyFloat && v.cls === floatType) b = v.v !== 0.0;
    else if (v instanceof PyStr && v.cls === strType) b = v.s.length > 0;
    else return false;
    return b !== this.ends;
  }
}

/** The next item of iterator it that sink s did not take, or null at its end. A plain
 * generator not running is drained: it runs with s as its sink until it yields an item s
 * declines (or returns); any other iterator gives its next item, which s never sees. A
 * finished generator's frame may serve another generator by now (releaseGenFrame in eval.ts):
 * it is not given the sink. */
export function nextDeclined(it: PyObject, s: Sink): PyObject | null {
  if (!(it instanceof PyGenerator) || it.cls !== generatorType || it.running || it.finished) return iterNext(it);
  const f = it.frame;
  f.sink = s;
  try {
    return genSend(it, None);
  } finally {
    f.sink = null;
  }
}

/** The sink of the frame running now (a trace's offer: machine code runs in that frame). */
export function currentSink(): Sink | null {
  const f = VM.frame;
  return f === null ? null : f.sink;
}
