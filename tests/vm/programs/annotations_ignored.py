def f(a: int, b: str = "x") -> str:
    return b * a
class C:
    name: str
    count: int = 0
v: float = 1.5
print(f(2), C.count, v)
