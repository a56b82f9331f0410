a = 10
g = {'a': 2}
exec('b = a * 3\ndef f(x):\n    return x + b\nc = f(1)', g)
print(sorted(k for k in g if k != '__builtins__'), g['b'], g['c'], '__builtins__' in g)
l = {}
exec('x = a + 1\ny = [a * i for i in range(3)]', g, l)
print(l, 'x' in g)
print(eval('a + 40'), eval('  a * b', g), eval('x + a', g, l), eval('(lambda q: q * 2)(21)'))
def scope():
    a = 5
    return eval('a + 1'), eval('a', {'a': 99})
print(scope(), eval('a'))
code = compile('z = 7\nprint("ran", z)', 'prog.py', 'exec')
print(type(code).__name__, code.co_filename, code.co_name)
ns = {}
exec(code, ns)
print(ns['z'])
ecode = compile('1 + 2 * 3', '<e>', 'eval')
print(eval(ecode), exec(ecode))
exec(compile('5 * 5', '<s>', 'single'))
print(eval(b'6 * 7'), eval(compile(b'"bytes"', 'b', 'eval')))
exec('global gv\ngv = 1')
print(gv)
def fn():
    exec('local_only = 3')
    return 'local_only' in globals()
print(fn())
for src, mode in [('x = ', 'exec'), ('1 +', 'eval'), ('x = 1', 'eval'), ('if True:\n  x\n y', 'exec')]:
    try:
        compile(src, 'bad.py', mode)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno)
try:
    compile('a\0', 'bad.py', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e)
for f in [lambda: compile('x', 'f', 'bad'), lambda: compile(1, 'f', 'exec'), lambda: exec('x', []), lambda: eval('x', []), lambda: eval('x', {}, 1),
          lambda: eval(1), lambda: exec(1), lambda: eval('undefined_name'), lambda: exec('raise KeyError(3)'), lambda: eval()]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
