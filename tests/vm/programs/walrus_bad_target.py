# `target := value` where the target is not a plain name: CPython's invalid_named_expression
# message "cannot use assignment expressions with <what>", at the target. (CPython's
# test_named_expressions test_named_expression_invalid_06, _15.)
cases = [
    "((a, b) := (1, 2))", "(lambda: x := 1)", "(x.y := 1)", "(x[0] := 1)", "(True := 1)",
    "(None := 1)", "(1 := 2)", "('s' := 2)", "(f() := 1)", "([a] := 1)", "(a + b := 1)",
    "f(a.b := 1)", "if x.y := 1: pass", "[i.j := 0 for i in x]", "(-x := 1)", "(x if y else z := 1)",
    "(x := 1)", "(x := y := 1)", "print((x := 1))", "(f'{x}' := 1)",
]
for s in cases:
    try:
        compile(s, '<string>', 'exec')
        print(repr(s), 'ok')
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno, e.offset)
# the same names of expressions in the assignment and del messages
for s in ["(a, b) += 1", "[a] += 1", "a, b += 1", "*a += 1", "def g():\n    (yield) = 1",
          "def g():\n    (yield x) += 1", "def g():\n    del (yield)", "(a, (yield)) = 1", "del (a, f())"]:
    try:
        compile(s, '<string>', 'exec')
        print(repr(s), 'ok')
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno, e.offset)
