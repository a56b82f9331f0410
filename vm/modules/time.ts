// The time module.
import type { int, float } from '../../translate/rlib/index.ts';
import { os } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, newFloat, newInt, None } from '../objects/core.ts';
import { B, FAM_TIME } from '../builtins/ids.ts';
import { unhandledBuiltin } from '../builtins/args.ts';
import { newBuiltinModule, addFn } from './registry.ts';
import { toFloatValue } from '../builtins/dispatch.ts';
import { checkInterrupt } from '../interpreter/state.ts';

export function makeTime(): PyModule {
  const m = newBuiltinModule('time');
  addFn(m, 'time', B.TIME_TIME, FAM_TIME);
  addFn(m, 'perf_counter', B.TIME_PERF_COUNTER, FAM_TIME);
  addFn(m, 'monotonic', B.TIME_MONOTONIC, FAM_TIME);
  addFn(m, 'process_time', B.TIME_PROCESS_TIME, FAM_TIME);
  addFn(m, 'sleep', B.TIME_SLEEP, FAM_TIME);
  return m;
}
/** Waits secs seconds; Ctrl-C interrupts the wait as it does CPython's sleep. */
export function sleepSeconds(secs: float): void {
  const end = os.clock() + secs;
  while (os.clock() < end) {
    // busy wait (no sleep primitive in rlib)
    checkInterrupt();
  }
}
export function callTime(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.TIME_TIME:
      return newFloat(os.time());
    case B.TIME_PERF_COUNTER:
    case B.TIME_MONOTONIC:
    case B.TIME_PROCESS_TIME:
      return newFloat(os.clock());
    case B.TIME_SLEEP:
      sleepSeconds(toFloatValue(args[0]));
      return None;
  }
  throw unhandledBuiltin('time function', id);
}
