# dir() of a module reads its __dict__ attribute, which a ModuleType subclass may replace (a
# TypeError when it is no dict); open() passes O_CLOEXEC to an opener, as CPython's FileIO does.
import os, types

class Foo(types.ModuleType):
    __dict__ = 8
try:
    dir(Foo("foo"))
except TypeError as e:
    print(e)
class Bar(types.ModuleType):
    pass
b = Bar("bar")
b.x = 1
print(dir(b))
m = types.ModuleType("m")
m.__dir__ = lambda: ['z', 'a']
print(dir(m))

seen = []
def opener(path, flags):
    seen.append(flags)
    return os.open(path, flags)
with open(__file__, opener=opener) as f:
    print(len(f.read()) > 0)
print(bool(seen[0] & os.O_CLOEXEC), seen[0] & 3 == os.O_RDONLY)
