# traceback: formatting the exception being handled and exception objects
import sys
import traceback


def inner(n):
    return 10 // n


def outer(n):
    return inner(n)


try:
    outer(0)
except ZeroDivisionError:
    text = traceback.format_exc()
    lines = text.splitlines()
    print(lines[0])
    print(lines[-1])
    print(sum(1 for l in lines if l.strip().startswith('File ')))
    print([l.strip() for l in lines if l.strip().startswith('return') or l.strip().startswith('outer(')])

try:
    raise ValueError('bad value')
except ValueError as e:
    print(traceback.format_exception_only(type(e), e))
    print(traceback.format_exception_only(e))
    out = traceback.format_exception(e)
    print(out[0], out[-1], len(out))
    traceback.print_exception(e, file=sys.stdout)
    traceback.print_exc(file=sys.stdout)

try:
    try:
        {}['missing']
    except KeyError as e:
        raise RuntimeError('wrapped') from e
except RuntimeError as e:
    text = ''.join(traceback.format_exception(e))
    print('The above exception was the direct cause' in text, text.splitlines()[-1])
    print([l for l in text.splitlines() if 'Error' in l and not l.startswith(' ')])

try:
    try:
        1 / 0
    except ZeroDivisionError:
        int('x')
except ValueError as e:
    text = ''.join(traceback.format_exception(e))
    print('During handling of the above exception' in text)
    print([l for l in text.splitlines() if 'Error' in l and not l.startswith(' ')])

print(traceback.format_exception_only(SyntaxError, SyntaxError('invalid', ('f.py', 3, 5, 'x = = 1\n'))))

class MyError(Exception):
    def __str__(self):
        return 'custom text'
print(traceback.format_exception_only(MyError, MyError()))
print(traceback.format_exception_only(KeyError, KeyError('k')))
print(traceback.format_exception_only(Exception, Exception()))

def f():
    return traceback.extract_stack()
st = f()
print(type(st).__name__, st[-1].name, st[-1].line, st[-2].name)
print(traceback.format_list([('a.py', 1, 'fn', 'x = 1')]))
fs = traceback.FrameSummary('b.py', 2, 'g', line='y = 2')
print(fs.filename, fs.lineno, fs.name, fs.line, repr(fs))

try:
    outer(0)
except ZeroDivisionError as e:
    tb = e.__traceback__
    summary = traceback.extract_tb(tb)
    print([(fs.name, fs.line) for fs in summary])
    te = traceback.TracebackException.from_exception(e)
    print(te.exc_type.__name__, list(te.format_exception_only()))
    print([f.f_code.co_name for f, _ in traceback.walk_tb(tb)])

print(repr(traceback.format_exc()))
