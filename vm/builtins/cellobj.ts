// types.CellType(): a new cell, empty or holding its one argument, as CPython's cell_new makes
// one (exec()'s closure argument takes such cells).
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyCell, cellType, raise, TypeError } from '../objects/core.ts';
import { B, FAM_CELL } from './ids.ts';
import { mkBuiltin, npos, unhandledBuiltin } from './args.ts';

export function initCell(): void {
  const b = mkBuiltin('__new__', B.CELL_NEW, false, FAM_CELL);
  b.owner = cellType;
  cellType.dict.set('__new__', b);
}

export function callCell(id: int, args: PyObject[], kw: string[] | null): PyObject {
  if (id === B.CELL_NEW) {
    // args[0] is the class
    if (kw !== null && kw.length > 0) throw raise(TypeError, 'cell() takes no keyword arguments');
    const n = npos(args, kw) - 1;
    if (n > 1) throw raise(TypeError, `cell expected at most 1 argument, got ${n}`);
    return new PyCell(cellType, n === 1 ? args[1] : null);
  }
  throw unhandledBuiltin('cell', id);
}
