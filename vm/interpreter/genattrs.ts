// The data attributes of generators, coroutines and async generators (gi_*, cr_*, ag_*), each
// kind under its own prefix as in CPython: asyncio reads cr_frame for a task's repr and stack,
// cr_await to follow what a coroutine waits on, ag_frame to see a closed async generator.
import { PyObject, PyType, PyStr, None, newStr, newBool, coroutineType, asyncGeneratorType, generatorType, raise, TypeError } from '../objects/core.ts';
import { PyGenerator, frameObject, delegateOf } from './frame.ts';

/** The attribute name of generator g, or null when it has none of that name. */
export function generatorAttr(g: PyGenerator, name: string): PyObject | null {
  if (name === '__name__') {
    if (g.nameObj === null) g.nameObj = newStr(g.name);
    return g.nameObj;
  }
  if (name === '__qualname__') {
    if (g.qualnameObj === null) g.qualnameObj = newStr(g.qualname);
    return g.qualnameObj;
  }
  const prefix = g.cls === coroutineType ? 'cr_' : g.cls === asyncGeneratorType ? 'ag_' : 'gi_';
  if (!name.startsWith(prefix)) return null;
  const field = name.substring(3);
  switch (field) {
    case 'running':
      return newBool(g.running);
    case 'code':
      return g.frame.code;
    case 'frame':
      // None once it has finished
      return g.finished ? None : frameObject(g.frame);
    case 'suspended':
      // async generators have no ag_suspended in 3.11
      if (prefix === 'ag_') return null;
      return newBool(!g.finished && !g.running && g.frame.pc > 0);
    case 'yieldfrom':
    case 'await': {
      if ((field === 'await') !== (prefix !== 'gi_')) return null;
      const d = delegateOf(g);
      return d === null ? None : d;
    }
    case 'origin':
      if (prefix !== 'cr_') return null;
      return g.origin === null ? None : g.origin;
  }
  return null;
}

/** g.__name__ = v or g.__qualname__ = v (v null: del); false for other names. Either must be a
 * str, and neither can be deleted (CPython's gen_set_name/gen_set_qualname). */
export function setGeneratorName(g: PyGenerator, name: string, v: PyObject | null): boolean {
  if (name !== '__name__' && name !== '__qualname__') return false;
  if (v === null || !(v instanceof PyStr)) throw raise(TypeError, `${name} must be set to a string object`);
  if (name === '__name__') {
    g.name = v.s;
    g.nameObj = v;
  } else {
    g.qualname = v.s;
    g.qualnameObj = v;
  }
  return true;
}

const GI_NAMES: string[] = ['gi_code', 'gi_frame', 'gi_running', 'gi_suspended', 'gi_yieldfrom'];
const CR_NAMES: string[] = ['cr_await', 'cr_code', 'cr_frame', 'cr_origin', 'cr_running', 'cr_suspended'];
const AG_NAMES: string[] = ['ag_await', 'ag_code', 'ag_frame', 'ag_running'];
/** The attributes generatorAttr answers for instances of t, for dir(). */
export function generatorAttrNames(t: PyType): string[] {
  if (t === generatorType) return GI_NAMES;
  if (t === coroutineType) return CR_NAMES;
  if (t === asyncGeneratorType) return AG_NAMES;
  return [];
}
