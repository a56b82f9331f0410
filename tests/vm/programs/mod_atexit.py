import atexit
import sys


def bye(name, punct="!"):
    print("bye", name + punct)


def boom():
    raise ValueError("boom in atexit")


def never():
    print("never printed")


n0 = atexit._ncallbacks()  # CPython's site may have registered one
atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
atexit.register(never)
atexit.register(boom)
atexit.register(never)
print(atexit._ncallbacks() - n0)
atexit.unregister(never)
print(atexit._ncallbacks() - n0)


@atexit.register
def decorated():
    print("decorated runs first")


try:
    atexit.register(42)
except TypeError as e:
    print("TypeError", e)

# _run_exitfuncs runs them now (and forgets them); _clear drops them
atexit.register(print, "run now")
atexit._run_exitfuncs()
print(atexit._ncallbacks())
atexit.register(never)
atexit._clear()
print(atexit._ncallbacks())

atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
atexit.register(boom)


def hook(t, v, tb):
    print("hook:", t.__name__, v, tb.tb_lineno > 0)


sys.excepthook = hook
print(sys.__excepthook__ is not hook)
print("stdout before exit")
raise KeyError("uncaught goes to the hook, then the handlers run")
