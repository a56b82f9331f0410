// The time module.
import type { int, float } from '../../translate/rlib/index.ts';
import { os, toInt, toFloat } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyInt, PyFloat, PyStr, PyTuple, newFloat, newInt, newStr, newTuple, raise, None, TypeError, ValueError, OverflowErrorT, bigOf } from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { npos, checkArgs } from '../builtins/args.ts';
import { typeName, toIntIndex } from '../interpreter/runtime.ts';
import { intFromFloat } from '../objects/intops.ts';
import { structSeqType, PyStructSeq } from './structseq.ts';
import { Tm, gmTm, localTm, mkTime, strftime, zoneFacts } from './timelocal.ts';
import { B, FAM_TIME } from '../builtins/ids.ts';
import { unhandledBuiltin } from '../builtins/args.ts';
import { newBuiltinModule, addFn } from './registry.ts';
import { toFloatValue } from '../builtins/dispatch.ts';
import { checkInterrupt } from '../interpreter/state.ts';
import { addClockInfo } from './timeinfo.ts';

export function makeTime(): PyModule {
  const m = newBuiltinModule('time');
  addFn(m, 'time', B.TIME_TIME, FAM_TIME);
  addFn(m, 'perf_counter', B.TIME_PERF_COUNTER, FAM_TIME);
  addFn(m, 'monotonic', B.TIME_MONOTONIC, FAM_TIME);
  addFn(m, 'process_time', B.TIME_PROCESS_TIME, FAM_TIME);
  addFn(m, 'sleep', B.TIME_SLEEP, FAM_TIME);
  addFn(m, 'time_ns', B.TIME_TIME_NS, FAM_TIME);
  addFn(m, 'monotonic_ns', B.TIME_MONOTONIC_NS, FAM_TIME);
  addFn(m, 'perf_counter_ns', B.TIME_PERF_COUNTER_NS, FAM_TIME);
  addFn(m, 'process_time_ns', B.TIME_PERF_COUNTER_NS, FAM_TIME);
  addFn(m, 'localtime', B.TIME_LOCALTIME, FAM_TIME);
  addFn(m, 'gmtime', B.TIME_GMTIME, FAM_TIME);
  addFn(m, 'mktime', B.TIME_MKTIME, FAM_TIME);
  addFn(m, 'strftime', B.TIME_STRFTIME, FAM_TIME);
  addFn(m, 'asctime', B.TIME_ASCTIME, FAM_TIME);
  addFn(m, 'ctime', B.TIME_CTIME, FAM_TIME);
  dictSetS(m.dict, 'struct_time', STRUCT_TIME.type);
  const z = zoneFacts(toInt(Math.floor(os.time())));
  dictSetS(m.dict, 'timezone', newInt(z.timezone));
  dictSetS(m.dict, 'altzone', newInt(z.altzone));
  dictSetS(m.dict, 'daylight', newInt(z.daylight));
  dictSetS(m.dict, 'tzname', newTuple([newStr(z.stdName), newStr(z.dstName)]));
  addClockInfo(m);
  return m;
}

const STRUCT_TIME = structSeqType(
  'time', 'struct_time',
  ['tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst', 'tm_zone', 'tm_gmtoff'],
  9, [],
);

function structTime(t: Tm): PyObject {
  return new PyStructSeq(STRUCT_TIME, [
    newInt(t.year), newInt(t.mon), newInt(t.mday), newInt(t.hour), newInt(t.min), newInt(t.sec),
    newInt(t.wday), newInt(t.yday), newInt(t.isdst), newStr(t.zone), newInt(t.gmtoff),
  ]);
}

/** Seconds since the epoch from a time argument (absent or None: now), floored as CPython's
 * _PyTime_ObjectToTime_t(ROUND_FLOOR). */
function secondsArg(args: PyObject[], kw: string[] | null): int {
  const o = npos(args, kw) > 0 ? args[0] : None;
  if (o === None) return toInt(Math.floor(os.time()));
  if (o instanceof PyFloat) {
    const v = o.v;
    if (v !== v) throw raise(ValueError, 'Invalid value NaN (not a number)');
    if (!(v > -67768040609740800.0 && v < 67768036191676800.0)) throw raise(OverflowErrorT, 'timestamp out of range for platform time_t');
    return toInt(Math.floor(v));
  }
  if (o instanceof PyInt) {
    if (bigOf(o) !== null) throw raise(OverflowErrorT, 'timestamp out of range for platform time_t');
    return o.v;
  }
  return toIntIndex(o);
}

/** The broken-down time of a struct_time or 9-tuple (mktime, strftime, asctime). */
function tmArg(fn: string, o: PyObject): Tm {
  let items: PyObject[] = [];
  let full: PyObject[] | null = null;
  if (o instanceof PyStructSeq && o.st === STRUCT_TIME) {
    items = o.items();
    full = o.values;
  } else if (o instanceof PyTuple) items = o.items;
  else throw raise(TypeError, 'Tuple or struct_time argument required');
  if (items.length !== 9) throw raise(TypeError, `${fn}(): illegal time tuple argument`);
  const v: int[] = [];
  for (const x of items) {
    if (x instanceof PyFloat) throw raise(TypeError, "'float' object cannot be interpreted as an integer");
    v.push(toIntIndex(x));
  }
  const t = new Tm();
  t.year = v[0];
  t.mon = v[1];
  t.mday = v[2];
  t.hour = v[3];
  t.min = v[4];
  t.sec = v[5];
  t.wday = v[6];
  t.yday = v[7];
  t.isdst = v[8];
  if (full !== null && full[9] instanceof PyStr) t.zone = (full[9] as PyStr).s;
  else {
    // a plain tuple: the zone of the local time at that moment, as C's mktime would say
    const lt = localTm(mkTime(t.year, t.mon, t.mday, t.hour, t.min, t.sec, t.isdst));
    t.zone = lt.zone;
    t.gmtoff = lt.gmtoff;
  }
  if (full !== null && full[10] instanceof PyInt) t.gmtoff = (full[10] as PyInt).v;
  return t;
}

/** CPython's checktm, after strftime's normalisation of zero month, day and day of year. */
function checkTm(t: Tm, normalize: boolean): void {
  if (normalize) {
    if (t.mon === 0) t.mon = 1;
    if (t.mday === 0) t.mday = 1;
    if (t.yday === 0) t.yday = 1;
    if (t.isdst < -1) t.isdst = -1;
    else if (t.isdst > 1) t.isdst = 1;
  }
  if (t.mon < 1 || t.mon > 12) throw raise(ValueError, 'month out of range');
  if (t.mday < 1 || t.mday > 31) throw raise(ValueError, 'day of month out of range');
  if (t.hour < 0 || t.hour > 23) throw raise(ValueError, 'hour out of range');
  if (t.min < 0 || t.min > 59) throw raise(ValueError, 'minute out of range');
  if (t.sec < 0 || t.sec > 61) throw raise(ValueError, 'seconds out of range');
  if (t.wday < 0) throw raise(ValueError, 'day of week out of range');
  t.wday = t.wday % 7;
  if (t.yday < 1 || t.yday > 366) throw raise(ValueError, 'day of year out of range');
}

function asctime(t: Tm): string {
  return strftime('%a %b ', t) + (t.mday < 10 ? ' ' : '') + String(t.mday) + strftime(' %H:%M:%S ', t) + String(t.year);
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
    case B.TIME_TIME_NS:
      return intFromFloat(Math.floor(os.time() * 1e9));
    case B.TIME_MONOTONIC_NS:
    case B.TIME_PERF_COUNTER_NS:
      return intFromFloat(Math.floor(os.clock() * 1e9));
    case B.TIME_LOCALTIME:
      checkArgs('localtime', args, kw, 0, 1);
      return structTime(localTm(secondsArg(args, kw)));
    case B.TIME_GMTIME:
      checkArgs('gmtime', args, kw, 0, 1);
      return structTime(gmTm(secondsArg(args, kw)));
    case B.TIME_CTIME:
      checkArgs('ctime', args, kw, 0, 1);
      return newStr(asctime(localTm(secondsArg(args, kw))));
    case B.TIME_MKTIME: {
      checkArgs('mktime', args, kw, 1, 1);
      const t = tmArg('mktime', args[0]);
      return newFloat(toFloat(mkTime(t.year, t.mon, t.mday, t.hour, t.min, t.sec, t.isdst)));
    }
    case B.TIME_ASCTIME: {
      checkArgs('asctime', args, kw, 0, 1);
      const t = npos(args, kw) > 0 ? tmArg('asctime', args[0]) : localTm(secondsArg([], null));
      checkTm(t, false);
      return newStr(asctime(t));
    }
    case B.TIME_STRFTIME: {
      checkArgs('strftime', args, kw, 1, 2);
      const f = args[0];
      if (!(f instanceof PyStr)) throw raise(TypeError, `strftime() argument 1 must be str, not ${typeName(f)}`);
      const t = npos(args, kw) > 1 ? tmArg('strftime', args[1]) : localTm(secondsArg([], null));
      checkTm(t, true);
      return newStr(strftime(f.s, t));
    }
    case B.TIME_SLEEP:
      sleepSeconds(toFloatValue(args[0]));
      return None;
  }
  throw unhandledBuiltin('time function', id);
}
