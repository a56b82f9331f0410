import types
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int], type(list[int]), types.GenericAlias)
a = list[int]
print(a.__origin__, a.__args__, a.__parameters__, a == list[int], a != list[str], hash(a) == hash(list[int]), a(), a([1, 2]))
import typing
T = typing.TypeVar('T')
print(list[T], list[T].__parameters__, list[T][int], dict[str, T][int], isinstance(list[int], types.GenericAlias))
class MyList(list[int]):
    pass
print(MyList.__mro__, MyList.__orig_bases__, MyList([1]))
print(types.GenericAlias(list, (int,)), list[int] | None, int | list[str])
try:
    isinstance([], list[int])
except TypeError as e:
    print('TypeError', e)
try:
    list[int][int]
except TypeError as e:
    print('TypeError', e)
import collections.abc
print(collections.abc.Callable[[int], str], collections.abc.Iterable[int], collections.abc.Mapping[str, int].__args__)
print(typing.Callable[[int], str], typing.get_args(typing.Callable[[int], str]), typing.get_origin(list[int]))
class Alias(types.GenericAlias):
    def __repr__(self):
        return 'Alias:' + super().__repr__()
print(Alias(list, (int,)), type(Alias(dict, (str, int))).__name__, Alias(list, int).__args__)
