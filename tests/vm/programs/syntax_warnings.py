import warnings
srcs = ['assert(x, "msg")', 'assert(False,)', 'assert x, "msg"', 'x is 1', 'x is not 1', 'if (x is 1): pass', '1 is x',
        'x is y is 1', 'x is None', 'x is ...', '9in x', 'def f():\n    return x is "a"\n']
for s in srcs:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        compile(s, '<t>', 'exec')
    print(repr(s), [(str(x.message), x.category.__name__, x.filename, x.lineno) for x in w])
    with warnings.catch_warnings():
        warnings.simplefilter('error', SyntaxWarning)
        try:
            compile(s, '<t>', 'exec')
            print('  no error')
        except SyntaxError as e:
            print('  SyntaxError:', e.msg, e.filename, e.lineno)
for s in ['9in x','0xfor x','0xfin x', '1if x else y', '0or x']:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try:
            compile(s, '<t>', 'exec')
        except SyntaxError as e:
            print(s, 'ERR', e)
    print(s, [str(x.message) for x in w])
