for exc in [ZeroDivisionError, KeyError, IndexError, FileNotFoundError, RecursionError, NotImplementedError, UnboundLocalError]:
    print(exc.__name__, [c.__name__ for c in exc.__mro__])
try:
    raise LookupError("base")
except Exception as e:
    print(type(e).__name__, isinstance(e, LookupError))
