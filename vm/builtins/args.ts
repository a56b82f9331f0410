// Argument helpers for builtins: positional args first, then keyword values named by kwnames.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyBuiltin, PyType, PyExc, builtinType, raise, TypeError, SystemError } from '../objects/core.ts';
import { claimId } from './ids.ts';

export function npos(args: PyObject[], kw: string[] | null): int {
  return kw === null ? args.length : args.length - kw.length;
}
export function kwArg(args: PyObject[], kw: string[] | null, name: string): PyObject | null {
  if (kw === null) return null;
  const base = args.length - kw.length;
  for (let i = 0; i < kw.length; i++) if (kw[i] === name) return args[base + i];
  return null;
}
/** Positional arg i, or keyword `name`, or null. */
export function arg(args: PyObject[], kw: string[] | null, i: int, name: string): PyObject | null {
  if (i < npos(args, kw)) return args[i];
  return kwArg(args, kw, name);
}
/** The argument at position i or keyword name, which fn requires (CPython's "missing required
 * argument" TypeError). */
export function needArg(fn: string, args: PyObject[], kw: string[] | null, i: int, name: string): PyObject {
  const a = arg(args, kw, i, name);
  if (a === null) throw raise(TypeError, `${fn}() missing required argument '${name}' (pos ${i + 1})`);
  return a;
}
export function checkArgs(name: string, args: PyObject[], kw: string[] | null, min: int, max: int): void {
  const n = npos(args, kw);
  if (n < min || n > max) {
    if (min === max) {
      throw raise(TypeError, `${name}() takes exactly ${min === 1 ? 'one argument' : String(min) + ' arguments'} (${n} given)`);
    }
    if (n < min) throw raise(TypeError, `${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${n}`);
    throw raise(TypeError, `${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${n}`);
  }
}
export function noKw(name: string, kw: string[] | null): void {
  if (kw !== null && kw.length > 0) throw raise(TypeError, `${name}() takes no keyword arguments`);
}
/** A builtin of family (FAM_* in ids.ts), whose switch callBuiltin routes id to. */
export function mkBuiltin(name: string, id: int, isMethod: boolean, family: int): PyBuiltin {
  claimId(id, family);
  return new PyBuiltin(builtinType, name, id, null, isMethod);
}
export function defMethod(t: PyType, name: string, id: int, family: int): void {
  const b = mkBuiltin(name, id, true, family);
  b.owner = t;
  t.dict.set(name, b);
}
/** The error of a family's switch reached with an id it has no case for: a builtin registered
 * under the wrong family (a bug in the VM, reported rather than run as something else). */
export function unhandledBuiltin(name: string, id: int): PyExc {
  return raise(SystemError, `builtin ${name} (id ${id}) is registered with a family that does not implement it`);
}
