# f_lineno of a frame an exception left is the line that raised it there, even when cleanup code
# (an except clause that did not match, a finally, a with's exit) re-raised it, as CPython 3.11's
# RERAISE restores f_lasti (PEP 626).


def lineno_after_raise(f):
    try:
        f()
    except Exception as ex:
        t = ex.__traceback__
    lines = []
    t = t.tb_next
    while t:
        frame = t.tb_frame
        lines.append((frame.f_lineno - frame.f_code.co_firstlineno, t.tb_lineno - frame.f_code.co_firstlineno))
        t = t.tb_next
    print(f.__name__, lines)


def simple():
    1/0
    pass


def in_except():
    try:
        1/0
    except:
        1/0
        pass


def other_except():
    try:
        1/0
    except TypeError as ex:
        pass


def in_named_except():
    try:
        1/0
    except Exception as ex:
        1/0
        pass


def in_try():
    try:
        1/0
    finally:
        pass


def in_finally_normal():
    try:
        pass
    finally:
        1/0
        pass


def in_finally_except():
    try:
        1/0
    finally:
        1/0
        pass


class Noop:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass


class ExitFails:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        raise ValueError


def after_with():
    with Noop():
        1/0
        pass


def after_with_exit_fails():
    with ExitFails():
        1/0


def reraised():
    try:
        1/0
    except ZeroDivisionError:
        x = 1
        raise


for fn in [simple, in_except, other_except, in_named_except, in_try, in_finally_normal, in_finally_except, after_with,
           after_with_exit_fails, reraised]:
    lineno_after_raise(fn)
