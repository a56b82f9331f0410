// _sysconfigdata__: the build-time configuration sysconfig.get_config_var() reads on POSIX
// (CPython names the module after its ABI flags and multiarch triple, both empty for pyvm).
// pyvm is not built by CPython's configure, so its variables describe pyvm: no C compiler
// flags, no extension modules, not a debug build. test.support asks for CFLAGS and
// CONFIG_ARGS at import (check_sanitizer); a variable not here reads as None, as in CPython.
import { PyModule } from '../objects/core.ts';
import { newBuiltinModule } from './registry.ts';
import { runAppLevel } from './applevel.ts';

const SOURCE = String.raw`
build_time_vars = {
    'CC': '',
    'CFLAGS': '',
    'CONFIG_ARGS': '',
    'PY_CFLAGS': '',
    'PY_CFLAGS_NODIST': '',
    'Py_DEBUG': 0,
    'Py_ENABLE_SHARED': 0,
    'Py_TRACE_REFS': 0,
    'SIZEOF_VOID_P': 8,
    'WITH_DOC_STRINGS': 1,
    'WITH_PYMALLOC': 0,
}
`;

export function makeSysconfigData(): PyModule {
  const m = newBuiltinModule('_sysconfigdata__');
  runAppLevel(m, SOURCE, '_sysconfigdata__');
  return m;
}
