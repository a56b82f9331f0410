// Function objects, frames and generators.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyDict, PyCell, PyType, PyBaseExc, functionType, generatorType, None } from '../objects/core.ts';
import { PyCode } from '../compiler/code.ts';

export class PyFunction extends PyObject {
  code: PyCode;
  globals: PyDict;
  name: string;
  qualname: string;
  defaults: PyObject[] = [];
  kwdefaults: PyDict | null = null;
  closure: PyCell[] = [];
  /** class whose body defined this function (for zero-argument super()) */
  klass: PyType | null = null;
  attrs: PyDict | null = null;
  doc: PyObject;
  module: PyObject = None;
  /** true when a call can bind positional args directly (no *args/**kw/cells, not a generator) */
  simple: boolean;
  constructor(code: PyCode, globals: PyDict) {
    super(functionType);
    this.code = code;
    this.globals = globals;
    this.name = code.name;
    this.qualname = code.qualname;
    this.doc = code.consts.length > 0 ? code.consts[0] : None;
    this.simple = code.flags === 0 && code.cellvars.length === 0 && code.kwonly === 0;
  }
}

export class Frame {
  code: PyCode;
  fn: PyFunction | null;
  globals: PyDict;
  localsDict: PyDict | null;
  fast: (PyObject | null)[];
  cells: PyCell[] = [];
  stack: PyObject[] = [];
  blocks: int[] = [];
  pc: int = 0;
  back: Frame | null = null;
  yielded: boolean = false;
  pendingThrow: PyBaseExc | null = null;
  /** the exception being handled when this frame was suspended (generators) */
  constructor(code: PyCode, fn: PyFunction | null, globals: PyDict, localsDict: PyDict | null, fast: (PyObject | null)[]) {
    this.code = code;
    this.fn = fn;
    this.globals = globals;
    this.localsDict = localsDict;
    this.fast = fast;
  }
  line(): int {
    const i = this.pc > 0 ? this.pc - 1 : 0;
    return i < this.code.lines.length ? this.code.lines[i] : this.code.firstLine;
  }
}

export class PyGenerator extends PyObject {
  frame: Frame;
  running: boolean = false;
  finished: boolean = false;
  retval: PyObject = None;
  name: string;
  qualname: string;
  constructor(frame: Frame) {
    super(generatorType);
    this.frame = frame;
    this.name = frame.code.name;
    this.qualname = frame.code.qualname;
  }
}
