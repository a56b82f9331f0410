# An unparenthesized `:=` is a named_expression only where CPython's grammar has one (if/while
# tests, comprehension conditions, call arguments, subscripts, displays, match subjects); an
# expression statement, assignment value, return, yield, del or for iterable is
# star_expressions, where it is "invalid syntax" at the `:=`. (CPython's test_named_expressions
# test_named_expression_invalid_01..04.)
bad = [
    "x := 0", "x = y := 0", "y := f(x)", "y0 = y1 := f(x)", "x: int = y := 1",
    "x += y := 1", "def f():\n    return x := 1", "def f():\n    yield x := 1",
    "for i in y := [1]: pass", "del x := 1", "x, y := 1, 2", "print(1), x := 2",
]
for s in bad:
    try:
        compile(s, '<string>', 'exec')
        print(repr(s), 'ok')
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno, e.offset)
good = [
    "if x := 1: pass", "while (y := 0): pass", "[y := 1, 2]", "{y := 1}", "f(y := 1)",
    "a[y := 1]", "(x := 0)", "(x := 1, 2)", "[i for i in range(3) if (j := i)]",
    "[i for i in range(3) if j := i]", "match x := 3:\n    case 3: pass", "x = (y := 0)",
    "print(y := 5)", "assert (z := 1)",
]
for s in good:
    try:
        compile(s, '<string>', 'exec')
        print(repr(s), 'ok')
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno, e.offset)
ns = {}
exec("x = (y := 4)\nif z := x + y:\n    w = [v := z, v * 2]\n", ns)
print(ns['x'], ns['y'], ns['z'], ns['w'], ns['v'])
