// Annotation rules: one function per flow operation, from argument annotations to the
// result's. Builtin methods of strings, lists and Maps and the rlib primitives are typed here.
import { Constant, type Operation } from '../model/graph.ts';
import { ClassDesc, FunctionDesc } from '../load/descs.ts';
import { RtsError } from '../errors.ts';
import { rlibClass } from '../load/loader.ts';
import {
  SomeDict, SomeFloat, SomeInstance, SomeInt, SomeList, SomeValue, UnionError, generalizeDict, generalizeListItem, isRef,
  s_bool, s_float, s_impossible, s_int, s_int_lit, s_none, s_str, union, ListDef,
} from './model.ts';
import type { Annotator } from './solver.ts';
import { primitive as primitiveSignature } from '../rtype/lloperation.ts';

type Rule = (a: Annotator, op: Operation, args: SomeValue[]) => SomeValue;

const isNum = (s: SomeValue): boolean => s.kind === 'int' || s.kind === 'float';
const bad = (what: string, ...ss: SomeValue[]): never => {
  throw new RtsError('E_UNSUPPORTED', `${what} on ${ss.map((s) => s.describe()).join(' and ')}`);
};
const anyImpossible = (ss: SomeValue[]): boolean => ss.some((s) => s.kind === 'impossible');

/** Numeric result type of a binary arithmetic op: int with int, float otherwise (literal ints adapt). */
function numericResult(a: SomeValue, b: SomeValue, opname: string): SomeValue {
  if (!isNum(a) || !isNum(b)) bad(`'${opname}'`, a, b);
  if (a.kind === 'int' && b.kind === 'int') return s_int;
  if (a instanceof SomeInt && !a.literal && b.kind === 'float') throw new UnionError(a, b, `operands of '${opname}'`);
  if (b instanceof SomeInt && !b.literal && a.kind === 'float') throw new UnionError(a, b, `operands of '${opname}'`);
  return s_float;
}

const arith =
  (name: string): Rule =>
  (_a, _op, [x, y]) => {
    if (anyImpossible([x, y])) return s_impossible;
    return numericResult(x, y, name);
  };

const intOnly =
  (name: string): Rule =>
  (_a, _op, [x, y]) => {
    if (anyImpossible(y ? [x, y] : [x])) return s_impossible;
    // a float operand converts as JS's ToInt32 does (`(x / n) | 0` truncates)
    const ok = (s: SomeValue): boolean => s.kind === 'int' || (s.kind === 'float' && !s.nullable);
    if (!ok(x) || (y && !ok(y))) bad(`bitwise '${name}' (ints and floats only)`, x, ...(y ? [y] : []));
    return s_int;
  };

const compare: Rule = (_a, _op, [x, y]) => {
  if (anyImpossible([x, y])) return s_impossible;
  if (isNum(x) && isNum(y)) {
    numericResult(x, y, 'comparison');
    return s_bool;
  }
  if (x.kind === 'str' && y.kind === 'str') return s_bool;
  return bad('ordering comparison', x, y);
};

const equality: Rule = (_a, _op, [x, y]) => {
  if (anyImpossible([x, y])) return s_impossible;
  if (isNum(x) && isNum(y)) {
    numericResult(x, y, '===');
    return s_bool;
  }
  if (x.kind === 'none' || y.kind === 'none') {
    const other = x.kind === 'none' ? y : x;
    if (other.kind === 'bool') throw new RtsError('E_UNION', 'a boolean is never null or undefined');
    return s_bool;
  }
  if (x.kind === y.kind) {
    if (x instanceof SomeInstance && y instanceof SomeInstance) union(new SomeInstance(x.cls), new SomeInstance(y.cls), 'compared objects');
    return s_bool;
  }
  return bad('===', x, y);
};

function strOf(s: SomeValue): void {
  if (!['int', 'float', 'bool', 'str', 'none'].includes(s.kind)) bad('string conversion', s);
}

export const RULES: Record<string, Rule> = {
  add: (_a, _op, [x, y]) => {
    if (anyImpossible([x, y])) return s_impossible;
    if (x.kind === 'str' || y.kind === 'str') {
      strOf(x);
      strOf(y);
      return s_str;
    }
    return numericResult(x, y, '+');
  },
  sub: arith('-'),
  mul: arith('*'),
  mod: arith('%'),
  div: (_a, _op, [x, y]) => {
    if (anyImpossible([x, y])) return s_impossible;
    if (!isNum(x) || !isNum(y)) bad("'/'", x, y);
    return s_float;
  },
  pow: arith('**'),
  and_: intOnly('&'),
  or_: intOnly('|'),
  xor: intOnly('^'),
  lshift: intOnly('<<'),
  rshift: intOnly('>>'),
  urshift: intOnly('>>>'),
  invert: intOnly('~'),
  neg: (_a, _op, [x]) => {
    if (x.kind === 'impossible') return x;
    if (x.kind === 'int') return s_int;
    if (x.kind === 'float') return s_float;
    return bad('unary -', x);
  },
  pos: (_a, _op, [x]) => {
    if (x.kind === 'impossible') return x;
    if (x.kind === 'int') return s_int;
    if (x.kind === 'float') return s_float;
    return bad('unary + (use parseFloatStrict for strings)', x);
  },
  eq: equality,
  ne: equality,
  lt: compare,
  le: compare,
  gt: compare,
  ge: compare,
  bool: (_a, _op, [x]) => (x.kind === 'impossible' ? x : s_bool),
  not: (_a, _op, [x]) => (x.kind === 'impossible' ? x : s_bool),
  is_null: (_a, _op, [x]) => (x.kind === 'impossible' ? x : s_bool),
  nonnull: (_a, _op, [x]) => (x.kind === 'none' ? s_impossible : x.withNullable(false)),
  caught: (_a, _op, [x]) => x,
  str: (_a, _op, [x]) => {
    if (x.kind === 'impossible') return x;
    strOf(x);
    return s_str;
  },
  isinstance: (_a, _op, [x]) => {
    if (x.kind === 'impossible') return x;
    if (x.kind !== 'inst' && x.kind !== 'none') bad('instanceof', x);
    return s_bool;
  },
  downcast: (_a, op, [x]) => {
    const cls = op.extra as ClassDesc;
    if (x.kind === 'impossible') return x;
    if (x.kind === 'none') return s_impossible;
    if (!(x instanceof SomeInstance)) return bad(`cast to ${cls.name}`, x);
    if (cls.isSubclassOf(x.cls)) return new SomeInstance(cls);
    if (x.cls.isSubclassOf(cls)) return x.withNullable(false);
    throw new RtsError('E_UNION', `cast of ${x.describe()} to unrelated class ${cls.name}`);
  },
  newlist: (a, op, items) => {
    const l = a.newList(op);
    a.seedContainer(op, l);
    for (const it of items) if (it.kind !== 'impossible') generalizeListItem(l.def, it);
    return l;
  },
  newdict: (a, op) => {
    const d = a.newDict(op);
    a.seedContainer(op, d);
    return d;
  },
  new: (a, op, args) => {
    const cls = op.extra as ClassDesc;
    a.instantiated.add(cls);
    const inst = new SomeInstance(cls);
    const r = a.callFunction(cls.ctor, [inst, ...args]);
    if (r.kind === 'impossible') return s_impossible; // constructor not annotated yet (or always throws)
    return inst;
  },
  simple_call: (a, op, args) => {
    const fd = (op.args[0] as Constant).value as FunctionDesc;
    const rest = args.slice(1);
    if (fd.primitive) return annotatePrimitive(a, fd, rest, op);
    return a.callFunction(fd, rest);
  },
  call_method: (a, op, [obj, ...args]) => callMethod(a, op, obj, args),
  call_builtin: (a, op, args) => builtin(a, op.extra as string, args, op),
  getattr: (a, op, [obj]) => getattr(a, obj, op.extra as string),
  setattr: (a, op, [obj, , v]) => {
    const name = op.extra as string;
    if (obj.kind === 'impossible' || v.kind === 'impossible') return s_none;
    if (obj instanceof SomeInstance) {
      a.setField(obj.cls, name, v);
      return s_none;
    }
    if (obj instanceof SomeList && name === 'length') {
      if (v.kind !== 'int') bad('list length', v);
      return s_none;
    }
    throw new RtsError('E_DYNAMIC_PROP', `cannot set '${name}' on ${obj.describe()}`);
  },
  getitem: (a, _op, [obj, idx]) => {
    if (anyImpossible([obj, idx])) return s_impossible;
    if (idx.kind !== 'int') bad('index (ints only)', idx);
    if (obj instanceof SomeList) return a.readList(obj).item;
    if (obj.kind === 'str') return s_str;
    throw new RtsError('E_DYNAMIC_PROP', `indexing ${obj.describe()}`);
  },
  setitem: (_a, _op, [obj, idx, v]) => {
    if (anyImpossible([obj, idx, v])) return s_none;
    if (idx.kind !== 'int') bad('index (ints only)', idx);
    if (obj instanceof SomeList) {
      generalizeListItem(obj.def, v);
      return s_none;
    }
    throw new RtsError('E_DYNAMIC_PROP', `item assignment on ${obj.describe()}`);
  },
  dict_next: (_a, _op, [d]) => (d.kind === 'impossible' ? d : s_int),
  dict_key: (a, _op, [d]) => (d instanceof SomeDict ? a.readDict(d).key : s_impossible),
  dict_value: (a, _op, [d]) => (d instanceof SomeDict ? a.readDict(d).value : s_impossible),
};

function getattr(a: Annotator, obj: SomeValue, name: string): SomeValue {
  if (obj.kind === 'impossible') return obj;
  if (obj instanceof SomeInstance) return a.getField(obj.cls, name);
  if ((obj.kind === 'str' || obj.kind === 'list') && name === 'length') return s_int;
  if (obj.kind === 'dict' && name === 'size') return s_int;
  throw new RtsError('E_NO_ATTR', `'${name}' on ${obj.describe()}`);
}

function expectArgs(name: string, args: SomeValue[], kinds: string[]): void {
  if (args.length !== kinds.length) throw new RtsError('E_ARGS', `${name} takes ${kinds.length} argument(s), got ${args.length}`);
  args.forEach((s, i) => {
    const k = kinds[i];
    if (k === 'any' || s.kind === 'impossible') return;
    if (k === 'float' && isNum(s)) {
      if (s instanceof SomeInt && !s.literal) throw new UnionError(s, s_float, `argument ${i + 1} of ${name}`);
      return;
    }
    if (k === 'num' && isNum(s)) return;
    if (s.kind !== k) throw new RtsError('E_ARGS', `argument ${i + 1} of ${name} must be ${k}, not ${s.describe()}`);
  });
}

function callMethod(a: Annotator, op: Operation, obj: SomeValue, args: SomeValue[]): SomeValue {
  const name = op.extra as string;
  if (obj.kind === 'impossible') return obj;
  if (obj instanceof SomeInstance) return a.callMethod(obj.cls, name, args, op);
  if (obj.kind === 'str') {
    const sig: Record<string, [string[], SomeValue]> = {
      charCodeAt: [['int'], s_int],
      charAt: [['int'], s_str],
      slice: [['int', 'int'], s_str],
      substring: [['int', 'int'], s_str],
      indexOf: [['str', 'int'], s_int],
      lastIndexOf: [['str', 'int'], s_int],
      startsWith: [['str', 'int'], s_bool],
      endsWith: [['str', 'int'], s_bool],
      includes: [['str', 'int'], s_bool],
      trim: [[], s_str],
      toUpperCase: [[], s_str],
      toLowerCase: [[], s_str],
      repeat: [['int'], s_str],
      toString: [[], s_str] as [string[], SomeValue],
      padStart: [['int', 'str'], s_str],
      padEnd: [['int', 'str'], s_str],
      localeCompare: [['str'], s_int],
    };
    if (name === 'split') {
      expectArgs('split', args, ['str']);
      const l = a.newList(op);
      generalizeListItem(l.def, s_str);
      return l;
    }
    // optional trailing arguments of slice/substring/indexOf
    const s = sig[name];
    if (!s) throw new RtsError('E_NO_ATTR', `string method '${name}'`);
    const opt = ['slice', 'substring', 'indexOf', 'lastIndexOf', 'padStart', 'padEnd', 'startsWith', 'endsWith', 'includes'].includes(name) ? s[0].slice(0, Math.max(1, args.length)) : s[0];
    expectArgs(name, args, opt);
    return s[1];
  }
  if (obj.kind === 'int' || obj.kind === 'float' || obj.kind === 'bool') {
    if (name === 'toString' && args.length === 0) return s_str;
    if (name === 'toString' && obj.kind === 'int') {
      expectArgs('toString', args, ['int']);
      return s_str;
    }
    if (name === 'toExponential' && obj.kind !== 'bool') {
      expectArgs('toExponential', args, args.length ? ['int'] : []);
      return s_str;
    }
    if (name === 'toFixed' && obj.kind !== 'bool') {
      expectArgs('toFixed', args, ['int']);
      return s_str;
    }
    throw new RtsError('E_NO_ATTR', `number method '${name}'`);
  }
  if (obj instanceof SomeList) {
    const d = obj.def;
    switch (name) {
      case 'push':
        if (args.length !== 1) throw new RtsError('E_ARGS', 'push takes exactly one item in RTS');
        if (args[0].kind !== 'impossible') generalizeListItem(d, args[0]);
        return s_int;
      case 'pop':
        expectArgs(name, args, []);
        return a.readList(obj).item;
      case 'slice':
        expectArgs(name, args, ['int', 'int'].slice(0, args.length));
        return new SomeList(d);
      case 'splice':
        expectArgs(name, args, ['int', 'int']);
        return new SomeList(d);
      case 'indexOf':
        if (args.length !== 1) throw new RtsError('E_ARGS', 'indexOf takes one argument');
        union(a.readList(obj).item, args[0], 'indexOf argument');
        return s_int;
      case 'includes':
        if (args.length !== 1) throw new RtsError('E_ARGS', 'includes takes one argument');
        union(a.readList(obj).item, args[0], 'includes argument');
        return s_bool;
      case 'join': {
        expectArgs(name, args, args.length ? ['str'] : []);
        const it = a.readList(obj).item;
        if (!['str', 'int', 'float', 'bool', 'impossible'].includes(it.kind)) bad('join (lists of strings, numbers or booleans)', it);
        return s_str;
      }
      case 'reverse':
        expectArgs(name, args, []);
        return obj.withNullable(false);
      case 'sort': {
        // only the comparator-less form, which JS defines as ordering by UTF-16 code units
        if (args.length) throw new RtsError('E_UNSUPPORTED', 'sort with a comparator (closures are not RTS): write the sort, or sort strings');
        const it = a.readList(obj).item;
        if (it.kind !== 'str' && it.kind !== 'impossible') bad('sort() without a comparator (JS sorts by string value; lists of strings only)', it);
        return obj.withNullable(false);
      }
    }
    throw new RtsError('E_NO_ATTR', `list method '${name}'`);
  }
  if (obj instanceof SomeDict) {
    const d = obj.def;
    const keyOk = (k: SomeValue): void => {
      if (!['int', 'str', 'inst', 'impossible'].includes(k.kind)) bad('Map key (int, string or object)', k);
    };
    switch (name) {
      case 'get': {
        if (args.length !== 1) throw new RtsError('E_ARGS', 'get takes one argument');
        keyOk(args[0]);
        generalizeDict(d, args[0], null);
        const v = a.readDict(obj).value;
        if (v.kind === 'bool') throw new RtsError('E_UNION', 'Map.get of a boolean value can be undefined, which a boolean cannot hold: test has() first, or store ints');
        return v.kind === 'impossible' ? v : v.withNullable(true);
      }
      case 'set':
        if (args.length !== 2) throw new RtsError('E_ARGS', 'set takes a key and a value');
        keyOk(args[0]);
        generalizeDict(d, args[0].kind === 'impossible' ? null : args[0], args[1].kind === 'impossible' ? null : args[1]);
        return obj.withNullable(false);
      case 'has':
      case 'delete':
        if (args.length !== 1) throw new RtsError('E_ARGS', `${name} takes one argument`);
        keyOk(args[0]);
        generalizeDict(d, args[0], null);
        return s_bool;
      case 'clear':
        expectArgs(name, args, []);
        return s_none;
    }
    throw new RtsError('E_NO_ATTR', `Map method '${name}' (keys() and values() only in for...of)`);
  }
  throw new RtsError('E_NO_ATTR', `method '${name}' on ${obj.describe()}`);
}

const MATH_FLOAT1 = new Set(['sqrt', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'exp', 'log', 'log2', 'log10', 'log1p', 'expm1', 'cbrt', 'sinh', 'cosh', 'tanh']);
const MATH_SAME1 = new Set(['floor', 'ceil', 'round', 'trunc', 'abs', 'sign']);

function builtin(a: Annotator, name: string, args: SomeValue[], op: Operation): SomeValue {
  if (anyImpossible(args)) return s_impossible;
  if (name.startsWith('Math.')) {
    const f = name.slice(5);
    if (MATH_FLOAT1.has(f)) {
      expectArgs(name, args, ['num']);
      return s_float;
    }
    if (MATH_SAME1.has(f)) {
      expectArgs(name, args, ['num']);
      return args[0].kind === 'int' ? s_int : s_float;
    }
    if (f === 'min' || f === 'max') {
      expectArgs(name, args, ['num', 'num']);
      return numericResult(args[0], args[1], name);
    }
    if (f === 'pow' || f === 'atan2' || f === 'hypot') {
      expectArgs(name, args, ['num', 'num']);
      return s_float;
    }
    if (f === 'random') {
      expectArgs(name, args, []);
      return s_float;
    }
    if (f === 'imul') {
      expectArgs(name, args, ['int', 'int']);
      return s_int;
    }
    if (f === 'clz32') {
      expectArgs(name, args, ['int']);
      return s_int;
    }
  }
  switch (name) {
    case 'console.log':
    case 'console.error':
      if (args.length !== 1) throw new RtsError('E_ARGS', `${name} takes one argument in RTS (build the line with a template string)`);
      strOf(args[0]);
      return s_none;
    case 'String':
      expectArgs(name, args, ['any']);
      strOf(args[0]);
      return s_str;
    case 'String.fromCharCode':
      expectArgs(name, args, ['int']);
      return s_str;
    case 'Number.isNaN':
    case 'isNaN':
    case 'Number.isFinite':
    case 'isFinite':
    case 'Number.isInteger':
      expectArgs(name, args, ['num']);
      return s_bool;
    case 'parseFloat':
      expectArgs(name, args, ['str']);
      return s_float;
  }
  void op;
  throw new RtsError('E_UNSUPPORTED', `builtin ${name}`);
}

/** rlib primitives are typed by their signature in the low-level op table. */
function annotatePrimitive(a: Annotator, fd: FunctionDesc, args: SomeValue[], op: Operation): SomeValue {
  const name = fd.primitive!;
  const p = primitiveSignature(name);
  if (!p) throw new RtsError('E_UNSUPPORTED', `rlib function ${name} is not available translated`);
  // a class argument is named in the call; a field argument is a string literal naming one of its fields
  const cls = primitiveClass(a, name, p.args, op);
  const gcref = rlibClass(a.prog, 'GcRef', 'gcref.ts');
  expectArgs(name, args, p.args.map((k) => (k === 'class' || k === 'object' || k === 'ref' ? 'any' : k === 'field' ? 'str' : k)));
  args.forEach((s, i) => {
    const k = p.args[i];
    if (k === 'object' && !isRef(s) && s.kind !== 'impossible') throw new RtsError('E_ARGS', `argument ${i + 1} of ${name} must be an object, string, list or Map, not ${s.describe()}`);
    if (k === 'ref' && s.kind !== 'impossible' && !(s instanceof SomeInstance && s.cls === gcref)) throw new RtsError('E_ARGS', `argument ${i + 1} of ${name} must be a GcRef (from asRef), not ${s.describe()}`);
  });
  if (name === 'execmem.writeBytes' && args[2] instanceof SomeList) generalizeListItem(args[2].def, s_int);
  if (p.raises) {
    // the exception it raises must exist translated
    const cls = rlibClass(a.prog, p.raises, p.raises === 'MemoryError' ? 'memory.ts' : 'arith.ts');
    if (!cls) throw new RtsError('E_UNSUPPORTED', `${p.raises} missing from rlib`);
    a.instantiated.add(cls);
    a.callFunction(cls.ctor, [new SomeInstance(cls), s_str]);
  }
  if ((fd.primitive === 'os.writeFileBytes' || fd.primitive === 'os.fdWrite' || fd.primitive === 'os.call') && args[1] instanceof SomeList) generalizeListItem(args[1].def, s_int);
  switch (p.result) {
    case 'nullstr':
      return s_str.withNullable(true);
    case 'bytes': {
      const l = a.newList(op);
      generalizeListItem(l.def, s_int);
      return l.withNullable(true);
    }
    case 'ints': {
      const l = a.newList(op);
      generalizeListItem(l.def, s_int);
      return l;
    }
    case 'int':
      return s_int;
    case 'float':
      return s_float;
    case 'bool':
      return s_bool;
    case 'str':
      return s_str;
    case 'none':
      return s_none;
    case 'ref':
      if (!gcref) throw new RtsError('E_UNSUPPORTED', 'GcRef missing from rlib');
      return new SomeInstance(gcref, args[0]?.nullable ?? false);
    case 'inst_or_null':
      return new SomeInstance(cls!, true);
  }
  throw new RtsError('E_UNSUPPORTED', `rlib primitive ${name}: result kind ${p.result}`);
}

/** The class a layout primitive names (castRef(r, C), offsetOf(C, 'f'), ...), checked. */
export function primitiveClass(a: Annotator, name: string, kinds: readonly string[], op: Operation): ClassDesc | null {
  const ci = kinds.indexOf('class');
  if (ci < 0) return null;
  const c = op.args[ci + 1];
  const cls = c instanceof Constant ? c.value : null;
  if (!(cls instanceof ClassDesc)) throw new RtsError('E_ARGS', `argument ${ci + 1} of ${name} must name a class`);
  const fi = kinds.indexOf('field');
  if (fi >= 0) {
    const f = op.args[fi + 1];
    const field = f instanceof Constant ? f.value : null;
    if (typeof field !== 'string') throw new RtsError('E_ARGS', `argument ${fi + 1} of ${name} must be a string literal naming a field`);
    let owner: ClassDesc | null = cls;
    while (owner && !owner.fields.has(field)) owner = owner.base;
    if (!owner) throw new RtsError('E_NO_ATTR', `${cls.name} has no field '${field}'`);
  }
  void a;
  return cls;
}

