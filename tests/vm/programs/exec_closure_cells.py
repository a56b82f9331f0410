# exec(code, globals, closure=cells) runs a function's code with the cells its free variables read
# (CPython 3.11's checks and errors); types.CellType() makes such cells; an empty one's contents
# are a ValueError.
from types import CellType
def function_without_closures():
    return 3 * 5
result = 0
def make_closure_functions():
    a = 2
    b = 3
    c = 5
    def three_freevars():
        global result
        result = a * b
    def four_freevars():
        global result
        result = a * b * c
    return three_freevars, four_freevars
three, four = make_closure_functions()
print(three.__code__.co_freevars)
exec(three.__code__, three.__globals__, closure=three.__closure__)
print(result)
my = (CellType(35), CellType(72))
exec(three.__code__, three.__globals__, closure=my)
print(result)
def check(*a, **k):
    try:
        exec(*a, **k)
        print('ok')
    except TypeError as e:
        print(e)
check(function_without_closures.__code__, {}, closure=my)
check(three.__code__, {}, closure=None)
check(three.__code__, {}, closure=four.__closure__)
check(three.__code__, {}, closure=list(my))
check(three.__code__, {}, closure=(int, my[1]))
check("x = 1", {}, closure=my)
check(function_without_closures.__code__, {}, closure=None)
def outer():
    v = 7
    def inner():
        return v
    return inner
try:
    eval(outer().__code__)
except TypeError as e:
    print(e)
c = CellType()
try:
    c.cell_contents
except ValueError as e:
    print(e)
print(CellType(5).cell_contents, type(CellType()).__name__)
for a, k in [((1, 2), {}), ((), {'x': 1})]:
    try:
        CellType(*a, **k)
    except TypeError as e:
        print(e)
