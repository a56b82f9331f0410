// memoryview: a window on the bytes of another object (bytes, bytearray, array.array or another
// memoryview) that shares their array, so writes show through both ways. Items are unpacked by
// their struct format (B b c h H i I l L q Q n N f d ?), slices are views with a byte offset
// and a stride, cast() reinterprets a contiguous view (with a shape for several dimensions).
import type { int } from '../../translate/rlib/index.ts';
import { floorDiv } from '../../translate/rlib/index.ts';
import {
  PyObject, PyBufferObject, BufRef, PyType, PyBytes, PyInt, PyFloat, PyStr, PySlice, PyTuple, PyList, PyBuiltin, PyProperty, propertyType,
  typeType, objectType, bytesType, newInt, newFloat, newStr, newList, newTuple, raise, None, True, False, TypeError, ValueError, IndexError,
  NotImplementedError, L_NONE,
} from '../objects/core.ts';
import { B, FAM_MEMORYVIEW } from './ids.ts';
import { npos, arg, mkBuiltin, unhandledBuiltin } from './args.ts';
import { typeName, toIntIndex, sliceIndices, pyHash, truthy, arrayIter, objId, pyEq, iterToArray, lookupType } from '../interpreter/runtime.ts';
import { bufferRef, isBytesType, itemSize, isIntFormat, isUnsignedFormat, readItem, writeItem } from './buffer.ts';
import { hexOf } from './bytesmethods.ts';
import { intCmp, intSign, intNeg } from '../objects/intops.ts';
import { pow2Int } from '../modules/struct.ts';
import { toFloatValue } from './dispatch.ts';

export class PyMemView extends PyBufferObject {
  /** what it views (memoryview.obj) */
  obj: PyObject;
  arr: int[];
  /** byte offset of the first item */
  off: int;
  /** byte distance between consecutive items of the first dimension (negative for [::-1]) */
  stride: int;
  fmt: string;
  isz: int;
  /** items per dimension; one entry for a plain view */
  shape: int[];
  ro: boolean;
  released: boolean = false;
  constructor(cls: PyType, obj: PyObject, arr: int[], off: int, stride: int, fmt: string, shape: int[], ro: boolean) {
    super(cls);
    this.obj = obj;
    this.arr = arr;
    this.off = off;
    this.stride = stride;
    this.fmt = fmt;
    this.isz = itemSize(fmt);
    this.shape = shape;
    this.ro = ro;
  }
  count(): int {
    let n = 1;
    for (const d of this.shape) n *= d;
    return n;
  }
  contiguous(): boolean {
    return this.shape.length !== 1 || this.stride === this.isz || this.shape[0] <= 1;
  }
  /** the byte offsets of every item, in C order */
  offsets(): int[] {
    const out: int[] = [];
    if (this.shape.length === 1) {
      for (let i = 0; i < this.shape[0]; i++) out.push(this.off + i * this.stride);
      return out;
    }
    const n = this.count();
    for (let i = 0; i < n; i++) out.push(this.off + i * this.isz);
    return out;
  }
  checkLive(): void {
    if (this.released) throw raise(ValueError, 'operation forbidden on released memoryview object');
    // the bytearray under it was shrunk (CPython forbids that while a view exists)
    if (this.count() > 0) {
      // the extreme items' offsets, computed: offsets() would build a list as long as the view
      // on every access (a megabyte-long send buffer's view is checked on each use)
      const n = this.count();
      const far = this.shape.length === 1 ? this.off + (this.shape[0] - 1) * this.stride : this.off + (n - 1) * this.isz;
      const lo = far < this.off ? far : this.off;
      const hi = far < this.off ? this.off : far;
      if (hi + this.isz > this.arr.length || lo < 0) throw raise(IndexError, 'memoryview: underlying buffer was resized');
    }
  }
  bytesCopy(): int[] {
    this.checkLive();
    const out: int[] = [];
    for (const at of this.offsets()) for (let k = 0; k < this.isz; k++) out.push(this.arr[at + k]);
    return out;
  }
  override bufRef(): BufRef {
    this.checkLive();
    if (this.contiguous()) return new BufRef(this.arr, this.off, this.count() * this.isz, this.ro);
    const b = this.bytesCopy();
    return new BufRef(b, 0, b.length, true);
  }
  override bufFormat(): string {
    return this.fmt;
  }
  items(): PyObject[] {
    this.checkLive();
    const out: PyObject[] = [];
    for (const at of this.offsets()) out.push(readItem(this.arr, at, this.fmt));
    return out;
  }
  override nativeLen(): int {
    this.checkLive();
    return this.shape.length === 0 ? 1 : this.shape[0];
  }
  override nativeRepr(): string {
    return `<${this.released ? 'released ' : ''}memory at 0x${objId(this).toString(16).padStart(12, '0')}>`;
  }
  override nativeGetItem(k: PyObject): PyObject | null {
    this.checkLive();
    if (k instanceof PySlice) {
      if (this.shape.length !== 1) throw raise(NotImplementedError, 'multi-dimensional slicing is not implemented');
      const ix = sliceIndices(k, this.shape[0]);
      return new PyMemView(this.cls, this.obj, this.arr, this.off + ix[0] * this.stride, this.stride * ix[2], this.fmt, [ix[3]], this.ro);
    }
    return readItem(this.arr, this.itemAt(k, false), this.fmt);
  }
  /** The byte offset of the item key k names: an index (1-dim), a tuple of one index per
   * dimension, or () for a 0-dim view. Converting an index runs __index__, which may release
   * the view, so liveness is checked again after (CPython's gh-92888). */
  itemAt(k: PyObject, assigning: boolean): int {
    const ndim = this.shape.length;
    if (ndim === 0) {
      if (k instanceof PyTuple && k.items.length === 0) return this.off;
      throw raise(TypeError, 'invalid indexing of 0-dim memory');
    }
    if (k instanceof PyTuple) {
      let indices = true;
      let slices = true;
      for (const x of k.items) {
        if (x instanceof PySlice) indices = false;
        else slices = false;
        if (!(x instanceof PySlice) && !isIndexable(x)) indices = false;
      }
      if (indices) {
        if (k.items.length < ndim) throw raise(NotImplementedError, 'sub-views are not implemented');
        if (k.items.length > ndim) throw raise(TypeError, `cannot index ${ndim}-dimension view with ${k.items.length}-element tuple`);
        const strides = stridesOf(this);
        let at = this.off;
        for (let d = 0; d < ndim; d++) at += dimIndex(k.items[d], this.shape[d], d) * strides[d];
        this.checkLive();
        return at;
      }
      if (slices && k.items.length > 0) {
        if (assigning) throw raise(NotImplementedError, 'memoryview slice assignments are currently restricted to ndim = 1');
        throw raise(NotImplementedError, 'multi-dimensional slicing is not implemented');
      }
      throw raise(TypeError, 'memoryview: invalid slice key');
    }
    if (!isIndexable(k)) throw raise(TypeError, 'memoryview: invalid slice key');
    if (ndim > 1) throw raise(NotImplementedError, assigning ? 'sub-views are not implemented' : 'multi-dimensional sub-views are not implemented');
    const at = this.off + dimIndex(k, this.shape[0], 0) * this.stride;
    this.checkLive();
    return at;
  }
  override nativeEq(other: PyObject): int {
    if (other === this) return 1;
    if (this.released) return 0;
    let theirs: PyObject[];
    if (other instanceof PyMemView) {
      if (other.released) return 0;
      if (other.shape.length !== this.shape.length) return 0;
      for (let d = 0; d < this.shape.length; d++) if (other.shape[d] !== this.shape[d]) return 0;
      theirs = other.items();
    } else if (other instanceof PyBufferObject) {
      // an array: compared by its items in its own format
      const r = other.bufRef();
      theirs = itemsOf(r.arr, r.off, r.len, other.bufFormat());
      if (this.shape.length !== 1) return 0;
    } else {
      const r = bufferRef(other);
      if (r === null) return 0;
      theirs = itemsOf(r.arr, r.off, r.len, 'B');
      if (this.shape.length !== 1) return 0;
    }
    const mine = this.items();
    if (mine.length !== theirs.length) return 0;
    for (let i = 0; i < mine.length; i++) if (!pyEq(mine[i], theirs[i])) return 0;
    return 1;
  }
  /** the hash once computed, which a released view still answers (CPython caches it); -1: none */
  hashCache: int = -1;
  override nativeHash(): int {
    if (this.hashCache !== -1) return this.hashCache;
    this.checkLive();
    if (!this.ro) throw raise(ValueError, 'cannot hash writable memoryview object');
    if (this.fmt !== 'B' && this.fmt !== 'b' && this.fmt !== 'c') throw raise(ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    const h = pyHash(new PyBytes(bytesType, this.bytesCopy()));
    this.hashCache = h === -1 ? -2 : h;
    return this.hashCache;
  }
}
function isIndexable(k: PyObject): boolean {
  return k instanceof PyInt || (!k.cls.isBuiltin && lookupType(k.cls, '__index__') !== null);
}
/** Index k along dimension d (of n items), negative from the end. */
function dimIndex(k: PyObject, n: int, d: int): int {
  let i = toIntIndex(k);
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw raise(IndexError, `index out of bounds on dimension ${d + 1}`);
  return i;
}
function itemsOf(arr: int[], off: int, len: int, fmt: string): PyObject[] {
  const sz = itemSize(fmt);
  const out: PyObject[] = [];
  for (let at = off; at + sz <= off + len; at += sz) out.push(readItem(arr, at, fmt));
  return out;
}

function newType(): PyType {
  const t = new PyType(typeType, 'memoryview');
  t.bases.push(objectType);
  t.mro = [t, objectType];
  t.layout = L_NONE;
  t.isBuiltin = true;
  return t;
}
class MemTypes {
  memoryview: PyType = newType();
}
export const MVT = new MemTypes();

const METHODS: string[] = ['tobytes', 'tolist', 'hex', 'cast', 'release', 'toreadonly', '__enter__', '__exit__', '__setitem__', '__delitem__', '__iter__', '__reversed__', '__eq__', '__ne__', '__len__', '__getitem__'];
const PROPS: string[] = ['obj', 'format', 'itemsize', 'nbytes', 'ndim', 'shape', 'strides', 'suboffsets', 'readonly', 'c_contiguous', 'f_contiguous', 'contiguous'];
for (const name of METHODS) {
  const m = mkBuiltin(name, B.MEMORYVIEW_METHOD, true, FAM_MEMORYVIEW);
  m.owner = MVT.memoryview;
  MVT.memoryview.dict.set(name, m);
}
for (const name of PROPS) MVT.memoryview.dict.set(name, new PyProperty(propertyType, mkBuiltin(name, B.MEMORYVIEW_METHOD, false, FAM_MEMORYVIEW), null, null));
MVT.memoryview.dict.set('__new__', mkBuiltin('__new__', B.MEMORYVIEW_CTOR, false, FAM_MEMORYVIEW));

/** memoryview(o) */
export function newMemView(o: PyObject): PyMemView {
  const t = MVT.memoryview;
  if (o instanceof PyMemView) {
    o.checkLive();
    return new PyMemView(t, o.obj, o.arr, o.off, o.stride, o.fmt, o.shape.slice(0), o.ro);
  }
  if (o instanceof PyBytes) return new PyMemView(t, o, o.b, 0, 1, 'B', [o.b.length], isBytesType(o));
  if (o instanceof PyBufferObject) {
    const r = o.bufRef();
    const fmt = o.bufFormat();
    const sz = itemSize(fmt);
    return new PyMemView(t, o, r.arr, r.off, sz, fmt, [sz === 0 ? 0 : floorDiv(r.len, sz)], r.readonly);
  }
  throw raise(TypeError, `memoryview: a bytes-like object is required, not '${typeName(o)}'`);
}

/** Checks that v can be stored as an item of format c, as CPython's memoryview words it. */
export function checkItem(c: string, v: PyObject): PyObject {
  if (isIntFormat(c)) {
    let x: PyInt;
    if (v instanceof PyInt) x = v;
    else if (!v.cls.isBuiltin && !(v instanceof PyFloat)) x = newInt(toIntIndex(v));
    else throw raise(TypeError, `memoryview: invalid type for format '${c}'`);
    const bits = itemSize(c) * 8;
    const ok = isUnsignedFormat(c)
      ? intSign(x) >= 0 && intCmp(x, pow2Int(bits)) < 0
      : intCmp(x, pow2Int(bits - 1)) < 0 && intCmp(x, intNeg(pow2Int(bits - 1))) >= 0;
    if (!ok) throw raise(ValueError, `memoryview: invalid value for format '${c}'`);
    return x;
  }
  if (c === 'f' || c === 'd') {
    if (v instanceof PyFloat || v instanceof PyInt) return v;
    // PyFloat_AsDouble's way: __float__, else __index__
    if (!v.cls.isBuiltin && (lookupType(v.cls, '__float__') !== null || lookupType(v.cls, '__index__') !== null)) return newFloat(toFloatValue(v));
    throw raise(TypeError, `memoryview: invalid type for format '${c}'`);
  }
  if (c === 'c') {
    if (!(v instanceof PyBytes) || v.b.length !== 1) throw raise(ValueError, `memoryview: invalid value for format '${c}'`);
    return v;
  }
  if (c === '?') return truthy(v) ? True : False;
  throw raise(NotImplementedError, `memoryview: unsupported format ${c}`);
}

function nested(items: PyObject[], shape: int[], dim: int, start: int): PyObject {
  if (dim === shape.length - 1) return newList(items.slice(start, start + shape[dim]));
  let inner = 1;
  for (let d = dim + 1; d < shape.length; d++) inner *= shape[d];
  const out: PyObject[] = [];
  for (let i = 0; i < shape[dim]; i++) out.push(nested(items, shape, dim + 1, start + i * inner));
  return newList(out);
}
function intTuple(xs: int[]): PyObject {
  const items: PyObject[] = [];
  for (const x of xs) items.push(newInt(x));
  return newTuple(items);
}
function byteFmt(f: string): boolean {
  return f === 'B' || f === 'b' || f === 'c';
}
function castView(m: PyMemView, fmtO: PyObject, shapeO: PyObject | null): PyMemView {
  m.checkLive();
  if (!(fmtO instanceof PyStr)) throw raise(TypeError, `memoryview.cast(): argument 'format' must be str, not ${typeName(fmtO)}`);
  let fmt = fmtO.s;
  if (fmt.length === 2 && fmt[0] === '@') fmt = fmt.slice(1);
  const sz = itemSize(fmt);
  if (fmt.length !== 1 || sz === 0 || fmt === 'u' || fmt === 'w') throw raise(ValueError, "memoryview: destination format must be a native single character format prefixed with an optional '@'");
  if (!m.contiguous()) throw raise(TypeError, 'memoryview: casts are restricted to C-contiguous views');
  if (!byteFmt(fmt) && !byteFmt(m.fmt)) throw raise(TypeError, 'memoryview: cannot cast between two non-byte formats');
  const nbytes = m.count() * m.isz;
  let shape: int[];
  if (shapeO === null || shapeO === None) {
    if (nbytes % sz !== 0) throw raise(TypeError, 'memoryview: length is not a multiple of itemsize');
    shape = [floorDiv(nbytes, sz)];
  } else {
    if (!(shapeO instanceof PyList || shapeO instanceof PyTuple)) throw raise(TypeError, 'shape must be a list or a tuple');
    if (m.shape.length !== 1) throw raise(TypeError, 'memoryview: cast must be 1D -> ND or ND -> 1D');
    shape = [];
    let n = 1;
    for (const d of iterToArray(shapeO)) {
      const k = toIntIndex(d);
      if (k <= 0) throw raise(ValueError, 'memoryview.cast(): elements of shape must be integers > 0');
      shape.push(k);
      n *= k;
    }
    if (shape.length > 64) throw raise(ValueError, 'memoryview: number of dimensions must not exceed 64');
    if (n * sz !== nbytes) throw raise(TypeError, 'memoryview: product(shape) * itemsize != buffer size');
  }
  return new PyMemView(m.cls, m.obj, m.arr, m.off, sz, fmt, shape, m.ro);
}
function stridesOf(m: PyMemView): int[] {
  if (m.shape.length === 1) return [m.stride];
  const out: int[] = [];
  let s = m.isz;
  for (let d = m.shape.length - 1; d >= 0; d--) {
    out.push(s);
    s *= m.shape[d];
  }
  out.reverse();
  return out;
}
function assign(m: PyMemView, k: PyObject, v: PyObject): void {
  m.checkLive();
  if (m.ro) throw raise(TypeError, 'cannot modify read-only memory');
  if (k instanceof PySlice) {
    if (m.shape.length !== 1) throw raise(NotImplementedError, 'memoryview slice assignments are currently restricted to ndim = 1');
    const ix = sliceIndices(k, m.shape[0]);
    m.checkLive();
    const src = bufferRef(v);
    if (src === null) throw raise(TypeError, `a bytes-like object is required, not '${typeName(v)}'`);
    const srcFmt = v instanceof PyBufferObject ? v.bufFormat() : 'B';
    if (srcFmt !== m.fmt || src.len !== ix[3] * m.isz) throw raise(ValueError, 'memoryview assignment: lvalue and rvalue have different structures');
    // copy first: source and destination may overlap
    const data = src.arr.slice(src.off, src.off + src.len);
    for (let j = 0; j < ix[3]; j++) {
      const at = m.off + (ix[0] + j * ix[2]) * m.stride;
      for (let q = 0; q < m.isz; q++) m.arr[at + q] = data[j * m.isz + q];
    }
    return;
  }
  const at = m.itemAt(k, true);
  // converting the value may release the view too
  const x = checkItem(m.fmt, v);
  m.checkLive();
  writeItem(m.arr, at, m.fmt, x);
}

function self0(bi: PyBuiltin, args: PyObject[]): PyMemView {
  const o = args.length > 0 ? args[0] : None;
  if (!(o instanceof PyMemView)) throw raise(TypeError, `descriptor '${bi.name}' for 'memoryview' objects doesn't apply to a '${typeName(o)}' object`);
  return o;
}

export function callMemoryview(bi: PyBuiltin, args: PyObject[], kw: string[] | null): PyObject {
  if (bi.id === B.MEMORYVIEW_CTOR) {
    const src = arg(args, kw, 1, 'object');
    if (src === null) throw raise(TypeError, "memoryview() missing required argument 'object' (pos 1)");
    const total = args.length - 1;
    if (total > 1) throw raise(TypeError, `memoryview() takes at most 1 argument (${total} given)`);
    // its one keyword is object
    if (kw !== null) for (const k of kw) if (k !== 'object') throw raise(TypeError, `memoryview() got an unexpected keyword argument '${k}'`);
    return newMemView(src);
  }
  if (bi.id !== B.MEMORYVIEW_METHOD) throw unhandledBuiltin(bi.name, bi.id);
  const m = self0(bi, args);
  const name = bi.name;
  switch (name) {
    case 'release':
      m.released = true;
      return None;
    case '__enter__':
      m.checkLive();
      return m;
    case '__exit__':
      m.released = true;
      return None;
    case 'readonly':
      m.checkLive();
      return m.ro ? True : False;
    case 'obj':
      m.checkLive();
      return m.obj;
  }
  m.checkLive();
  switch (name) {
    case 'tobytes': {
      const order = arg(args, kw, 1, 'order');
      if (order !== null && order !== None && !(order instanceof PyStr && (order.s === 'C' || order.s === 'F' || order.s === 'A'))) throw raise(ValueError, "order must be 'C', 'F' or 'A'");
      return new PyBytes(bytesType, m.bytesCopy());
    }
    case 'tolist': {
      const items = m.items();
      if (m.shape.length === 0) return items[0];
      return nested(items, m.shape, 0, 0);
    }
    case 'hex':
      return newStr(hexOf(m.bytesCopy(), arg(args, kw, 1, 'sep'), arg(args, kw, 2, 'bytes_per_sep')));
    case 'cast': {
      const f = arg(args, kw, 1, 'format');
      if (f === null) throw raise(TypeError, "cast() missing required argument 'format' (pos 1)");
      return castView(m, f, arg(args, kw, 2, 'shape'));
    }
    case 'toreadonly':
      return new PyMemView(m.cls, m.obj, m.arr, m.off, m.stride, m.fmt, m.shape.slice(0), true);
    case '__setitem__':
      assign(m, args[1], args[2]);
      return None;
    case '__delitem__':
      throw raise(TypeError, 'cannot delete memory');
    case '__iter__':
      if (m.shape.length === 0) throw raise(TypeError, 'invalid indexing of 0-dim memory');
      if (m.shape.length > 1) throw raise(NotImplementedError, 'multi-dimensional sub-views are not implemented');
      return arrayIter(m.items());
    case '__reversed__': {
      const items = m.items();
      items.reverse();
      return arrayIter(items);
    }
    case '__len__':
      return newInt(m.nativeLen());
    case '__getitem__':
      return m.nativeGetItem(args[1]) as PyObject;
    case '__eq__':
    case '__ne__': {
      const e = m.nativeEq(args[1]);
      return (e === 1) === (name === '__eq__') ? True : False;
    }
    case 'format':
      return newStr(m.fmt);
    case 'itemsize':
      return newInt(m.isz);
    case 'nbytes':
      return newInt(m.count() * m.isz);
    case 'ndim':
      return newInt(m.shape.length);
    case 'shape':
      return intTuple(m.shape);
    case 'strides':
      return intTuple(stridesOf(m));
    case 'suboffsets':
      return newTuple([]);
    case 'c_contiguous':
    case 'contiguous':
      return m.contiguous() ? True : False;
    case 'f_contiguous':
      return m.contiguous() && m.shape.length <= 1 ? True : False;
  }
  throw unhandledBuiltin(name, bi.id);
}
