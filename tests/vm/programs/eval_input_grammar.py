# compile(..., 'eval') and eval() parse CPython's `eval: expressions NEWLINE* ENDMARKER`:
# statements there are plain "invalid syntax" at the token where the expression ends (not the
# statement-only messages such as "cannot assign to literal"), and there is no starred item or
# top-level `:=`. (CPython's test_fstring test_assignment / test_del rely on this.)
cases = [
    "f'' = 3", "f'{0}' = x", "f'{x}' = x", "del f''", "del '' f''",
    "x = 3", "'' = 3", "1 = 2", "a.b = 1", "x += 1", "a = b = 1", "x = ",
    "del x", "pass", "import x", "yield 1", "1\n2", "1;2",
    "x := 1", "*a", "a, *b", "a, b := 1",
    "1 if 1 else 2", "(x := 1)", "f(x=1)", "lambda: (yield)", "1,", "1, 2,", "\n\n1\n\n",
    "[*a]", "(*a,)", "x if y else z", "not x", "await x",
]
for s in cases:
    try:
        compile(s, '<string>', 'eval')
        print(repr(s), 'ok')
    except SyntaxError as e:
        print(repr(s), type(e).__name__, e.msg, e.lineno, e.offset)
for s in ["f'' = 3", "del f''", "x = 1", "  1 + 2"]:
    try:
        print(repr(s), eval(s))
    except SyntaxError as e:
        print(repr(s), type(e).__name__, e.msg, e.lineno, e.offset)
# exec mode still gives the statement messages
for s in ["f'' = 3", "del f''", "'' = 3"]:
    try:
        compile(s, '<string>', 'exec')
    except SyntaxError as e:
        print(repr(s), 'exec', e.msg, e.lineno, e.offset)
