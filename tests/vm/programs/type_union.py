# X | Y of types is a types.UnionType (copyreg and typing build them at import).
class Point:
    pass


u = int | str
print(u, type(u).__name__, u.__args__, int | None, None | int, (int | str) | float, int | int, int | str | int)
print(isinstance(3, u), isinstance(2.5, u), isinstance(None, int | None), issubclass(bool, int | str), issubclass(float, u))
print(u == (str | int), u == (int | float), hash(int | str) == hash(str | int), len({int | str, str | int}))
print(Point | None, int | Point)
for bad in [lambda: None | None, lambda: int | 3, lambda: isinstance(1, 3)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
