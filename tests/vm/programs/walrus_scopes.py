# := in comprehensions: the binding goes to the enclosing function, or to the global the
# enclosing function declares; CPython's SyntaxErrors for the forbidden forms
G = None

def with_global():
    global G
    [G := i for i in range(3)]
    return G
print(with_global(), G)

def without_global():
    G = 'local'
    [G := i * 2 for i in range(3)]
    return G
print(without_global(), G)

def nested():
    x = 0
    def inner():
        nonlocal x
        [x := i for i in range(5)]
    inner()
    return x
print(nested())

print([y := 10, y ** 2], y)
total = 0
vals = [total := total + v for v in range(4)]
print(vals, total)

def deep():
    [[(z := a + b) for a in range(2)] for b in range(3)]
    return z
print(deep())

for src in ['class Foo():\n    [(42, 1 + ((( j := i )))) for i in range(5)]\n',
            '[i := 0 for i in range(5)]',
            '[[(j := 0) for i in range(5)] for j in range(5)]',
            '[i+1 for i in range(5) if (i := 0)]',
            '[i for i in range(5) if (j := 0) for j in range(5)]',
            '[i for i in (i := range(5))]',
            '[i for i in range(5) for j in (i := range(5))]',
            '[i for i in (lambda:(j := range(5)))()]',
            '[i for i in [j for j in range(5) if (j := True)]]',
            '{i: 0 for i, j in [(0, 1)] if (j := 0)}']:
    try:
        compile(src, 's', 'exec')
        print('compiled')
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset)
