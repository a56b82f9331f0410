import atexit
import sys


def hook(u):
    print("unraisable:", u.err_msg, u.object.__name__, type(u.exc_value).__name__, u.exc_value, u.exc_traceback is not None)


def fails():
    raise RuntimeError("at exit")


print(sys.unraisablehook is sys.__unraisablehook__)
sys.unraisablehook = hook
atexit.register(print, "runs after the failing one")
atexit.register(fails)
print("main done")
