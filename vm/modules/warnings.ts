// The _warnings module: the filter machinery under the stdlib's warnings.py (which imports
// filters, _defaultaction, _onceregistry, warn, warn_explicit and _filters_mutated from here, so
// a warning raised by importlib or the VM and one raised by a program go through one list of
// filters). Written at app level (./applevel.ts) after CPython 3.11's Python/_warnings.c: the
// same default filters (plain strings for module names, matched exactly), the same registry
// keys and version check, the same frame walk for stacklevel (importlib's bootstrap frames are
// skipped), and the display through warnings._showwarnmsg when warnings.py is loaded, else
// printed to sys.stderr as `file:line: Category: message` with the source line.
import { PyModule } from '../objects/core.ts';
import { newBuiltinModule } from './registry.ts';
import { runAppLevel } from './applevel.ts';

const WARNINGS_SOURCE = String.raw`
import sys as _sys

filters = [
    ('default', None, DeprecationWarning, '__main__', 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0),
]
_defaultaction = 'default'
_onceregistry = {}
_filters_version = 1


def _filters_mutated():
    global _filters_version
    _filters_version += 1


def _is_internal_frame(f):
    filename = f.f_code.co_filename
    return 'importlib' in filename and '_bootstrap' in filename


def _next_external_frame(f):
    f = f.f_back
    while f is not None and _is_internal_frame(f):
        f = f.f_back
    return f


def _matches(pattern, arg):
    if pattern is None:
        return True
    if type(pattern) is str:
        return pattern == arg
    return bool(pattern.match(arg))


def _from_warnings_module(name, current):
    # as _warnings.c, the Python module's attribute wins once warnings.py is loaded (so that
    # catch_warnings, which rebinds warnings.filters, is seen here)
    w = _sys.modules.get('warnings')
    if w is not None:
        v = getattr(w, name, None)
        if v is not None:
            return v
    return current


def _get_filter(category, text, lineno, module):
    global filters, _defaultaction
    filters = _from_warnings_module('filters', filters)
    if not isinstance(filters, list):
        raise ValueError('_warnings.filters must be a list')
    for item in filters:
        if not isinstance(item, tuple) or len(item) != 5:
            raise ValueError('_warnings.filters item %d isn\'t a 5-tuple' % filters.index(item))
        action, msg, cat, mod, ln = item
        if not isinstance(action, str):
            raise TypeError("action must be a string, not '%s'" % type(action).__name__)
        if (_matches(msg, text) and issubclass(category, cat) and _matches(mod, module)
                and (ln == 0 or lineno == ln)):
            return action, item
    _defaultaction = action = _from_warnings_module('defaultaction', _defaultaction)
    if not isinstance(action, str):
        raise TypeError("_warnings.defaultaction must be a string, not '%s'" % type(action).__name__)
    return action, None


def _already_warned(registry, key, should_set):
    if registry is None:
        return False
    if registry.get('version') != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    elif registry.get(key):
        return True
    if should_set:
        registry[key] = True
    return False


def _warnings_module(try_import):
    w = _sys.modules.get('warnings')
    if w is None and try_import:
        try:
            import warnings as w
        except ImportError:
            return None
    return w


def _print_warning(message, category, filename, lineno, sourceline):
    f = getattr(_sys, 'stderr', None)
    if f is None:
        return
    name = getattr(category, '__name__', None) or '<unknown>'
    f.write('%s:%s: %s: %s\n' % (filename, lineno, name, message))
    if sourceline is None:
        try:
            with open(filename, encoding='utf-8', errors='replace') as src:
                for i, line in enumerate(src, 1):
                    if i == lineno:
                        sourceline = line
                        break
        except Exception:
            sourceline = None
    if sourceline:
        f.write('  ' + sourceline.strip() + '\n')


def _show(message, category, filename, lineno, text, sourceline, source):
    w = _warnings_module(source is not None)
    show_fn = getattr(w, '_showwarnmsg', None) if w is not None else None
    if show_fn is None:
        _print_warning(text, category, filename, lineno, sourceline)
        return
    if not callable(show_fn):
        raise TypeError('warnings._showwarnmsg() must be set to a callable')
    msg = w.WarningMessage(message, category, filename, lineno, None, None, source)
    show_fn(msg)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    global _onceregistry
    if registry is not None and not isinstance(registry, dict):
        raise TypeError("'registry' must be a dict or None")
    if module_globals is not None and not isinstance(module_globals, dict):
        raise TypeError("module_globals must be a dict, not '%s'" % type(module_globals).__name__)
    lineno = int(lineno)
    if module is None:
        module = filename or '<unknown>'
        if module[-3:].lower() == '.py':
            module = module[:-3]
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if _already_warned(registry, key, False):
        return
    action, item = _get_filter(category, text, lineno, module)
    if action == 'error':
        raise message
    # as _warnings.c: remember the warning unless the action is "always"
    if action != 'always':
        if registry is not None:
            registry[key] = True
        if action == 'ignore':
            return
        if action == 'once':
            if registry is None:
                _onceregistry = _from_warnings_module('_onceregistry', _onceregistry)
                if not isinstance(_onceregistry, dict):
                    raise TypeError("_warnings.onceregistry must be a dict, not '%s'" % type(_onceregistry).__name__)
                registry = _onceregistry
            if _already_warned(registry, (text, category), True):
                return
        elif action == 'module':
            if registry is not None and _already_warned(registry, (text, category, 0), True):
                return
        elif action != 'default':
            raise RuntimeError('Unrecognized action (%r) in warnings.filters:\n %r' % (action, item))
    sourceline = None
    if module_globals is not None:
        loader = module_globals.get('__loader__')
        get_source = getattr(loader, 'get_source', None)
        if get_source is not None:
            try:
                src = get_source(module_globals.get('__name__'))
            except ImportError:
                src = None
            if src is not None:
                lines = src.splitlines()
                if 0 < lineno <= len(lines):
                    sourceline = lines[lineno - 1]
    _show(message, category, filename, lineno, text, sourceline, source)


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'" % type(category).__name__)
    f = _sys._getframe(1)
    if stacklevel <= 0 or _is_internal_frame(f):
        while stacklevel > 1 and f is not None:
            stacklevel -= 1
            f = f.f_back
    else:
        while stacklevel > 1 and f is not None:
            stacklevel -= 1
            f = _next_external_frame(f)
    if f is None:
        globals = _sys.__dict__
        filename = 'sys'
        lineno = 1
    else:
        globals = f.f_globals
        filename = f.f_code.co_filename
        lineno = f.f_lineno
    registry = globals.get('__warningregistry__')
    if registry is None:
        registry = {}
        globals['__warningregistry__'] = registry
    module = globals.get('__name__', '<string>')
    warn_explicit(message, category, filename, lineno, module, registry, None, source)
`;

export function makeWarnings(): PyModule {
  const m = newBuiltinModule('_warnings');
  runAppLevel(m, WARNINGS_SOURCE, '_warnings');
  return m;
}

