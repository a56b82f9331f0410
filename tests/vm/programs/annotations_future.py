from __future__ import annotations
import typing
x: int = 1
y: list[dict[str, int]]
z: typing.Optional[Undefined] = None
w: 'quoted'
v: int | None | str
u: tuple[int, ...] = ()
t: (lambda_free or b) if c else d
s: -1 + 2 * (3 - 4) ** 5 ** 6
r: a.b[1:2, ::3]
q: f(1, k=2, *a, **b)
p: not a == b < c
o: {1: [2, {3}]}
print(__annotations__)
class C:
    a: int
    b: C
    __c: typing.List[C] = []
print(C.__annotations__, x, u)
def f(n: int) -> str:
    m: Unknown = n
    return str(m)
print(f(3))
