# The SyntaxErrors CPython's compiler raises for match statements: unreachable cases and
# alternatives, names bound twice or differently by alternatives, repeated class keywords,
# mapping keys that repeat or are not literals, non-literal values and malformed complex literals.
cases = [
    'case "a" | a:', 'case [a, [b] | [c] | [d]]:', 'case Class(a=_, a=_):', 'case 0+0:', 'case {0+0: _}:',
    'case {**rest, "key": value}:', 'case {"first": first, **rest, "last": last}:', 'case {**_}:', 'case 42 as _:',
    'case {f"": _}:', 'case a, a:', 'case {"k": a, "l": a}:', 'case MyClass(x, x):', 'case MyClass(x=x, y=x):',
    'case MyClass(x, y=x):', 'case a as a:', 'case a | "a":', 'case x | [_ as x] if x:', 'case f"":', 'case f"{x}":',
    'case 0j+0:', 'case 0j+0j:', 'case {0j+0: _}:', 'case {0j+0j: _}:', 'case _ | _:', 'case (_ as x) | [x]:',
    'case _ | _ if condition():', 'case (None | _) | _:', 'case _ | (True | False):', 'case {"a": _, "a": _}:',
    'case {0: _, False: _}:', 'case {0: _, 0.0: _}:', 'case {0: _, 0j: _}:', 'case {1: _, True: _, 2: _}:',
    # accepted
    'case -0j+1:', 'case 1-2j:', 'case -1-2j:', 'case {1-2j: _, "x" "y": _, b"z": _, a.b: _, **rest}:',
    'case x.y | (1+2j) | -3 | "a" "b":', 'case [x, *_] | [*_, x] if x:', 'case {"a": x} | [x]:', 'case (x, y) | [y, x]:',
    'case C(a=1, b=[x, *y]) as z:', 'case {**rest,}:',
]
for last in (False, True):
    for c in cases:
        src = 'match x:\n    ' + c + '\n        pass\n'
        if not last:
            src += '    case 1:\n        pass\n'
        try:
            compile(src, '<test>', 'exec')
            print('ok', c)
        except SyntaxError as e:
            print('SyntaxError', e.msg, e.lineno, c)

for src in ['match x:\n    case x:\n        pass\n    case y:\n        pass\n',
            'match x:\n    case x:\n        pass\n    case [x] if x:\n        pass\n',
            'match x:\n    case x:\n        pass\n    case _:\n        pass\n',
            'match x:\n    case _:\n        pass\n    case None:\n        pass\n',
            'match x:\n    case x if x:\n        pass\n    case _:\n        pass\n']:
    try:
        compile(src, '<test>', 'exec')
        print('ok')
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno)

def f(v):
    match v:
        case {"a": x} | [x]:
            return x
        case (1 | 2) as n:
            return -n
        case _:
            return None

print(f({"a": 5}), f([6]), f(2), f(3))
