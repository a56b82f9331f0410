# T.__new__(X): X must be given, a type, and a subtype of T (the translated VM read the missing
# first argument and stopped with a fatal error).
class Point:
    pass


class MyInt(int):
    pass


calls = [
    lambda: object.__new__(),
    lambda: int.__new__(),
    lambda: str.__new__(),
    lambda: list.__new__(),
    lambda: tuple.__new__(),
    lambda: dict.__new__(),
    lambda: float.__new__(),
    lambda: object.__new__(1),
    lambda: int.__new__(5),
    lambda: int.__new__(str),
    lambda: float.__new__(int),
    lambda: int.__new__(int, 7),
    lambda: int.__new__(bool, 1) if False else int.__new__(MyInt, 7) + 1,
    lambda: float.__new__(float, "2.5"),
    lambda: type(object.__new__(Point)).__name__,
    lambda: str.__new__(str, 12),
]
for c in calls:
    try:
        print(c())
    except TypeError as e:
        print("TypeError:", e)
