# An annotated def inside a with, for or try block: MAKE_FUNCTION pops the annotations dict, so
# the stack depth after the def is the block's (the compiler rejected such functions, which
# kept test_functools from importing: "instruction N reached at stack depth 2 and 1").


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print('exit', exc[0])
        return False


def deco(f):
    print('decorated', f.__name__, sorted(f.__annotations__))
    return f


with CM():
    @deco
    def a(x: int, *args: str, k: float = 1.0, **kw: bytes) -> list[int]:
        return x

print(a(3), a.__annotations__['return'])

for i in range(3):
    def b(x: int = i) -> int:
        return x * 10
    print(b(), b.__defaults__, b.__annotations__)


def outer():
    total = []
    for n in ('p', 'q'):
        with CM():
            try:
                def c(y: str = n) -> str:
                    return y + y
                total.append(c())
            finally:
                total.append(len(c.__annotations__))
    lam = [lambda z=k: z for k in range(2)]
    return total, [f() for f in lam]

print(outer())

while True:
    def d(v: 'forward') -> None:
        pass
    print(d.__annotations__)
    break
