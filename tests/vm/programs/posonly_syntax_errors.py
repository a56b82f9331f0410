# Positional-only parameter lists that CPython 3.11 rejects, with its messages. (CPython's
# test_positional_only_arg test_invalid_syntax_errors, _async, test_invalid_syntax_lambda.)
defs = [
    "a, b = 5, /, c", "a = 5, b, /, c", "a = 5, b=1, /, c, *, d=2", "a = 5, b, /",
    "*args, /", "*args, a, /", "**kwargs, /", "/, a = 1", "/, a", "/", "*, a, /", "*, /, a",
    "a, /, a", "a, /, *, a", "a, b/2, c", "a, /, c, /", "a, /, c, /, d", "a, /, c, /, d, *, e",
    "a, *, c, /, d, e", "a, /, b", "a, /, *, b", "a, b=1, /, c=2", "a, /, *args, **kw",
]
for d in defs:
    for src in ["def f(%s): pass\n" % d, "async def f(%s): pass\n" % d, "lambda %s: None\n" % d]:
        try:
            compile(src, '<test>', 'single')
            print(repr(src), 'ok')
        except SyntaxError as e:
            print(repr(src), e.msg, e.lineno, e.offset)
