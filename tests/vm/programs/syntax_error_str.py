# str() of a SyntaxError is "msg (file, line N)" as CPython's SyntaxError_str builds it from the
# attributes (it printed the args tuple), which is what assertRaisesRegex matches against.

def show(src):
    try:
        compile(src, '/some/dir/mod.py', 'exec')
    except SyntaxError as e:
        print(type(e).__name__, '|', e, '|', e.args[0])

show('1 +')
show('x = (')
show('  x = 1')
show("f'{}'")
show("def f():\n    return 1\n  x = 2")

try:
    eval('a b c')
except SyntaxError as e:
    print(str(e).startswith('invalid syntax'), '(<string>, line 1)' in str(e))

# built by hand: the parts that are missing or not an exact int are left out
print(str(SyntaxError()))
print(str(SyntaxError('m')))
print(str(SyntaxError('m', ('a/b/f.py', 3, 1, 'text'))))
print(str(SyntaxError('m', (None, 3, 1, 'text'))))
print(str(SyntaxError('m', ('f.py', None, 1, 'text'))))
print(str(SyntaxError('m', ('f.py', True, 1, 'text'))))
print(str(SyntaxError(42, ('f.py', 7, 1, 'text'))))
print(str(IndentationError('bad indent', ('x.py', 2, 1, ' y'))))
e = SyntaxError('m', ('f.py', 3, 1, 'text'))
e.lineno = 10
e.msg = 'changed'
print(str(e), e.args)
print(repr(SyntaxError('m', ('f.py', 3, 1, 'text'))))
try:
  compile("a\0", "f", "exec")
except SyntaxError as e:
  print(str(e), e.args)
