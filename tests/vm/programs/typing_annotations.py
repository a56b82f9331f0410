import typing
from typing import NamedTuple, TypedDict, Protocol, Generic, TypeVar, Optional, List
x: int = 5
y: 'str'
print(__annotations__, x)
class C:
    a: int
    b: list[int] = [1]
    __p: float = 1.0
    c.d if False else None
    print(__annotations__)
print(C.__annotations__, C.b)
def f():
    z: int = 3
    return z
print(f(), f.__code__.co_varnames)
class NT(NamedTuple):
    x: int
    y: str = 'a'
print(NT(1), NT(2, 'b')._asdict(), NT._fields)
class TD(TypedDict):
    a: int
    b: str
print(TD(a=1, b='x'), TD.__annotations__)
T = TypeVar('T')
class Box(Generic[T]):
    item: T
    def __init__(self, item: T) -> None:
        self.item = item
b = Box[int](3)
print(b.item, Box[int], Box.__orig_bases__, Box.__parameters__, b.__orig_class__)
class Shape(Protocol):
    def area(self) -> float: ...
print(typing.List[int], typing.Dict[str, List[int]], Optional[int], typing.Union[int, str], typing.get_type_hints(C))
