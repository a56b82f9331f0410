# types.UnionType: hashed and compared as the set of its arguments (by value), its type
# variables in __parameters__, subscription substituting them (nested aliases too), copy and pickle.
import copy, pickle, typing
T = typing.TypeVar("T")
S = typing.TypeVar("S")
print(hash(int | str) == hash(str | int), hash(int | str) == hash(typing.Union[int, str]))
print((float | list[T])[int], (float | list[T])[int] == float | list[int])
print(list[int | list[T]].__parameters__, list[int | list[T]][str])
print((list[T] | list[S]).__parameters__, (list[T] | list[S])[int, T], (list[T] | list[S])[int, int])
orig = list[T] | int
for c in (copy.copy(orig), copy.deepcopy(orig), pickle.loads(pickle.dumps(orig))):
    print(c == orig, c.__args__ == orig.__args__, c.__parameters__)
for bad in ("(int | str)[int]", "(int | T)[int, str]"):
    try:
        eval(bad)
    except TypeError as e:
        print(e)
print(list[int] | list[int], int | str == str | int, int | str != int | bytes)
x = int | T | bytes
print(x[str], x[str | list], x[S])
