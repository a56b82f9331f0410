# sys.modules[name] = None blocks importing name, a builtin module too (ModuleNotFoundError).
import sys
sys.modules['_heapq'] = None
try:
    from _heapq import *
    print('imported')
except ImportError as e:
    print(type(e).__name__)
    print('ImportError', e)
try:
    import _heapq
    print('imported2')
except ImportError as e:
    print(type(e).__name__)
    print('ImportError', e)
