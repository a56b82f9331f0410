# enum, re, functools, collections and os import from the standard library and work
# (re's charset compiler needs bytes.find, not there yet: a literal pattern only)
import enum, re, functools, collections, os

class Color(enum.Enum):
    RED = 1
    GREEN = 2

class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1

print(Color.RED, Color(2).name, list(Color), Color.RED is Color['RED'])
print(int(Perm.R | Perm.X), Perm.W in (Perm.R | Perm.W), repr(Perm.R))
m = re.match('key', 'key=val')
print(m.span(), m.group(0), re.compile('ab').search('xxab').start())

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), collections.Counter('abracadabra').most_common(2), collections.OrderedDict(a=1))
print(os.path.basename('/a/b'), os.path.splitext('x.py'))
