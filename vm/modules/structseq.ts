// Struct sequences (CPython's structseq: os.stat_result, os.terminal_size, time.struct_time):
// a tuple of the first n fields, every field also an attribute, some fields attribute-only.
import type { int } from '../../translate/rlib/index.ts';
import {
  PyObject, PyType, PyNative, PyBuiltin, PyInt, PyTuple, PySlice, PyProperty, typeType, objectType, propertyType, newInt, newStr, newTuple, newBool, tupleType,
  raise, None, NotImplemented, TypeError, IndexError, L_NONE,
} from '../objects/core.ts';
import { B, FAM_STRUCTSEQ } from '../builtins/ids.ts';
import { newModuleType } from './registry.ts';
import { npos, mkBuiltin, defMethod, unhandledBuiltin } from '../builtins/args.ts';
import { arrayIter, repr, iterToArray, sliceIndices, pyEq, pyHash, typeName, toIntIndex } from '../interpreter/runtime.ts';

/** One struct sequence type: its field names ('' for a field reachable only by index, as
 * stat_result's integer times), of which the first `visible` form the tuple; reprNames names
 * the visible ones in the repr. */
export class StructSeqType {
  type: PyType;
  fields: string[];
  reprNames: string[];
  visible: int;
  constructor(module: string, name: string, fields: string[], visible: int, reprNames: string[]) {
    const t = newModuleType(module, name);
    this.type = t;
    this.fields = fields;
    this.visible = visible;
    this.reprNames = reprNames.length > 0 ? reprNames : fields.slice(0, visible);
    let unnamed = 0;
    for (let i = 0; i < fields.length; i++) {
      if (fields[i] === '') {
        unnamed++;
        continue;
      }
      const get = mkBuiltin(fields[i], B.STRUCTSEQ_FIELD, false, FAM_STRUCTSEQ);
      get.data = newInt(i);
      t.dict.set(fields[i], new PyProperty(propertyType, get, null, null));
    }
    t.dict.set('__new__', mkBuiltin('__new__', B.STRUCTSEQ_NEW, false, FAM_STRUCTSEQ));
    defMethod(t, '__len__', B.STRUCTSEQ_LEN, FAM_STRUCTSEQ);
    defMethod(t, '__getitem__', B.STRUCTSEQ_GETITEM, FAM_STRUCTSEQ);
    defMethod(t, '__iter__', B.STRUCTSEQ_ITER, FAM_STRUCTSEQ);
    defMethod(t, '__eq__', B.STRUCTSEQ_EQ, FAM_STRUCTSEQ);
    defMethod(t, '__ne__', B.STRUCTSEQ_NE, FAM_STRUCTSEQ);
    defMethod(t, '__hash__', B.STRUCTSEQ_HASH, FAM_STRUCTSEQ);
    defMethod(t, '__reduce__', B.STRUCTSEQ_REDUCE, FAM_STRUCTSEQ);
    t.dict.set('n_sequence_fields', newInt(visible));
    t.dict.set('n_fields', newInt(fields.length));
    t.dict.set('n_unnamed_fields', newInt(unnamed));
    const names: PyObject[] = [];
    for (let i = 0; i < visible; i++) if (fields[i] !== '') names.push(newStr(fields[i]));
    t.dict.set('__match_args__', newTuple(names));
  }
}
class TypeList {
  all: StructSeqType[] = [];
}
const SEQ_TYPES = new TypeList();

/** Registers a struct sequence type (at load time: the types are prebuilt). */
export function structSeqType(module: string, name: string, fields: string[], visible: int, reprNames: string[]): StructSeqType {
  const s = new StructSeqType(module, name, fields, visible, reprNames);
  SEQ_TYPES.all.push(s);
  return s;
}

export class PyStructSeq extends PyNative {
  st: StructSeqType;
  /** every field, the visible ones first */
  values: PyObject[];
  constructor(st: StructSeqType, values: PyObject[]) {
    super(st.type);
    this.st = st;
    this.values = values;
  }
  items(): PyObject[] {
    return this.values.slice(0, this.st.visible);
  }
  override nativeGetItem(k: PyObject): PyObject | null {
    return getItem(this, k);
  }
  override nativeLen(): int {
    return this.st.visible;
  }
  override nativeEq(other: PyObject): int {
    let b: PyObject[] | null = null;
    if (other instanceof PyStructSeq) b = other.items();
    else if (other instanceof PyTuple) b = other.items;
    if (b === null) return -1;
    const a = this.items();
    if (a.length !== b.length) return 0;
    for (let i = 0; i < a.length; i++) if (!pyEq(a[i], b[i])) return 0;
    return 1;
  }
  override nativeRepr(): string {
    const parts: string[] = [];
    for (let i = 0; i < this.st.visible; i++) parts.push(this.st.reprNames[i] + '=' + repr(this.values[i]));
    // CPython prints tp_name, which has no module part for a type of builtins (asyncgen_hooks)
    const mod = this.st.type.module;
    const prefix = mod === 'builtins' ? '' : (mod === 'posix' ? 'os' : mod) + '.';
    return `${prefix}${this.st.type.name}(${parts.join(', ')})`;
  }
}


/** o[k]: an index or a slice of the visible fields, as a tuple's. */
function getItem(o: PyStructSeq, k: PyObject): PyObject {
  const items = o.items();
  if (k instanceof PySlice) {
    const ix = sliceIndices(k, items.length);
    const out: PyObject[] = [];
    let i = ix[0];
    for (let n = 0; n < ix[3]; n++) {
      out.push(items[i]);
      i += ix[2];
    }
    return newTuple(out);
  }
  const i0 = toIntIndex(k);
  const i = i0 < 0 ? i0 + items.length : i0;
  if (i < 0 || i >= items.length) throw raise(IndexError, 'tuple index out of range');
  return items[i];
}
function self(o: PyObject): PyStructSeq {
  if (!(o instanceof PyStructSeq)) throw raise(TypeError, `descriptor requires a structseq object but received '${typeName(o)}'`);
  return o;
}

export function callStructSeq(b: PyBuiltin, id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.STRUCTSEQ_FIELD: {
      const o = self(args[0]);
      return o.values[(b.data as PyInt).v];
    }
    case B.STRUCTSEQ_NEW: {
      // type(seq): from a sequence of n_sequence_fields to n_fields items, the rest None
      const t = args[0];
      let st: StructSeqType | null = null;
      for (const s of SEQ_TYPES.all) if (s.type === t) st = s;
      if (st === null || npos(args, kw) !== 2) throw raise(TypeError, `${st === null ? 'structseq' : st.type.name}() takes a sequence`);
      const vals = iterToArray(args[1]);
      const min = st.visible;
      const max = st.fields.length;
      if (vals.length < min) throw raise(TypeError, `${st.type.module === 'posix' ? 'os' : st.type.module}.${st.type.name}() takes an at least ${min}-sequence (${vals.length}-sequence given)`);
      if (vals.length > max) throw raise(TypeError, `${st.type.module === 'posix' ? 'os' : st.type.module}.${st.type.name}() takes an at most ${max}-sequence (${vals.length}-sequence given)`);
      while (vals.length < max) vals.push(None);
      return new PyStructSeq(st, vals);
    }
    case B.STRUCTSEQ_LEN:
      return newInt(self(args[0]).st.visible);
    case B.STRUCTSEQ_GETITEM:
      return getItem(self(args[0]), args[1]);
    case B.STRUCTSEQ_ITER:
      return arrayIter(self(args[0]).items());
    case B.STRUCTSEQ_EQ:
    case B.STRUCTSEQ_NE: {
      const e = self(args[0]).nativeEq(args[1]);
      if (e < 0) return NotImplemented;
      return newBool((e === 1) === (id === B.STRUCTSEQ_EQ));
    }
    case B.STRUCTSEQ_HASH:
      return newInt(pyHash(newTuple(self(args[0]).items())));
    case B.STRUCTSEQ_REDUCE: {
      const o = self(args[0]);
      return newTuple([o.st.type, newTuple([newTuple(o.items())])]);
    }
  }
  throw unhandledBuiltin('structseq method', id);
}
