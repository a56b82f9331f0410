def f(*a, **k): return a, sorted(k.items())
class M:
    def keys(self): return ['a']
    def __getitem__(s, k): return 1
class C:
    def m(self, **k): return sorted(k)
tests = ["f(x=5, **{'x': 3}, y=2)", "f(**{'x': 3}, x=5, y=2)", "f(**{'x': 3}, **{'x': 5}, y=2)",
         "f(x=5, **{'x': 3}, **{'x': 2})", "f(**{1: 3}, **{1: 5})", "f(**1)", "f(**M(), a=2)",
         "print(**{'sep': 1}, **{'sep': 2})", "C().m(**{'a': 1}, a=2)", "f(1, *[2], x=1, **{'y': 2}, z=3)",
         "C().m(a=1, **{'b': 2}, c=3)", "{**1}"]
for t in tests:
    try:
        print(t, '->', eval(t))
    except TypeError as e:
        print(t, '!!', e)
for src in ["[*x for x in y]", "{*x for x in y}", "(*x for x in y)", "{**{} for a in [1]}"]:
    try:
        compile(src, 's', 'eval')
    except SyntaxError as e:
        print(src, e.msg)
