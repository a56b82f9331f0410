# except* (PEP 654): splitting, wrapping naked exceptions, re-raise rules, SyntaxErrors
import sys

def show(e, depth=0):
    pad = '  ' * depth
    if isinstance(e, BaseExceptionGroup):
        print(pad + type(e).__name__, repr(e.message))
        for x in e.exceptions:
            show(x, depth + 1)
    else:
        print(pad + repr(e))

def run(f):
    try:
        f()
        print('no exception')
    except BaseException as e:
        print('escaped:')
        show(e, 1)

eg = ExceptionGroup('eg', [ValueError(1), TypeError(2), ExceptionGroup('inner', [ValueError(3), KeyError(4)])])

def handled_all():
    try:
        raise eg
    except* ValueError as e:
        print('V:'); show(e, 1)
        print('exc_info is match:', sys.exc_info()[1] is e)
    except* (TypeError, KeyError) as e:
        print('TK:'); show(e, 1)
run(handled_all)

def partial():
    try:
        raise eg
    except* TypeError:
        print('got TypeError part')
run(partial)

def naked():
    try:
        raise ValueError('naked')
    except* ValueError as e:
        print('wrapped:', type(e).__name__, repr(e.message), e.exceptions)
run(naked)

def naked_reraise():
    try:
        raise ValueError('naked')
    except* ValueError:
        raise
run(naked_reraise)

def naked_unmatched():
    try:
        raise ValueError('naked')
    except* TypeError:
        print('not here')
run(naked_unmatched)

def bare_reraise():
    try:
        raise eg
    except* ValueError:
        raise
    except* TypeError:
        pass
run(bare_reraise)

def raise_new():
    try:
        raise eg
    except* ValueError:
        raise RuntimeError('new')
    except* TypeError:
        raise
run(raise_new)

def raise_named():
    try:
        raise ExceptionGroup('one', [OSError('x')])
    except* OSError as e:
        raise e
run(raise_named)

def ctx():
    try:
        raise ExceptionGroup('c', [ValueError('v')])
    except* ValueError as e:
        try:
            raise KeyError('k')
        except KeyError as k:
            print('context is match:', k.__context__ is e)

run(ctx)

def else_finally():
    for exc in (None, ValueError('x')):
        try:
            if exc is not None:
                raise exc
        except* ValueError:
            print('handler')
        else:
            print('else')
        finally:
            print('finally')
run(else_finally)

def loop_inside():
    try:
        raise ExceptionGroup('l', [ValueError(1)])
    except* ValueError:
        for i in range(5):
            if i == 2:
                break
        print('loop ended at', i)
run(loop_inside)

def bad_type():
    try:
        raise ValueError(1)
    except* ExceptionGroup:
        pass
run(bad_type)

def bad_type2():
    try:
        raise ValueError(1)
    except* (ValueError, 5):
        pass
run(bad_type2)

print('after:', sys.exc_info())

for src in ['try:\n  pass\nexcept*:\n  pass\n',
            'try:\n  pass\nexcept* A:\n  pass\nexcept B:\n  pass\n',
            'try:\n  pass\nexcept A:\n  pass\nexcept* B:\n  pass\n',
            'for x in y:\n  try:\n    pass\n  except* A:\n    break\n',
            'for x in y:\n  try:\n    pass\n  except* A:\n    continue\n',
            'def f():\n  try:\n    pass\n  except* A:\n    return 1\n',
            'try:\n  pass\nexcept* A, B:\n  pass\n',
            'try:\n  pass\nexcept A, B:\n  pass\n']:
    try:
        compile(src, 's', 'exec')
        print('compiled')
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset)
