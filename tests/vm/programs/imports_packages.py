# packages as the stdlib's own code needs them: __init__, relative imports, __path__ lists,
# __spec__, __file__, submodules bound on their parent, failed imports leave no module behind
import sys
import impkg
from impkg import sub
from impkg.sub import helper
import impkg.sub.helper as h
print(impkg.NAME, sub.VALUE, helper.f(), sub.f is helper.f, h is helper)
print(impkg.__name__, impkg.__package__, [p.replace('\\', '/').endswith('/impkg') for p in impkg.__path__])
print(sub.__spec__.name, sub.__spec__.parent, helper.__spec__.name, helper.__spec__.parent, helper.__package__)
print(sub.__spec__.submodule_search_locations == sub.__path__, helper.__spec__.submodule_search_locations)
print(helper.__file__.endswith('helper.py'), impkg.__file__.endswith('__init__.py'), helper.__spec__.origin == helper.__file__)
print(helper.rel_value, impkg.sub is sub, impkg.other.G)
print('impkg.sub.helper' in sys.modules, type(sys.modules['impkg.sub']).__name__)
try:
    import impkg.broken
except ValueError as e:
    print('ValueError', e, 'impkg.broken' in sys.modules)
try:
    import impkg.missing
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e, e.name if hasattr(e, 'name') else 'impkg.missing')
try:
    import impkg.plain.x
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e)
try:
    from impkg import nothing_here
except ImportError as e:
    print('ImportError', str(e).split(' (')[0])
import builtins
print(builtins.__name__, builtins.len('abc'), builtins.abs is abs)
