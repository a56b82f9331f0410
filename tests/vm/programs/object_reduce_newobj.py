# object.__reduce_ex__ from protocol 2 and object.__getstate__: __getnewargs_ex__ and
# __getnewargs__ looked up on the type and checked, copyreg.__newobj__ / __newobj_ex__, and
# the state with __slots__ values as (dict or None, slots).
import copy
import copyreg
import pickle

args = (-101, "spam")
kwargs = {'bacon': -201, 'fish': -301}


def show(obj, proto=2):
    try:
        r = obj.__reduce_ex__(proto)
    except Exception as e:
        print(type(obj).__name__, type(e).__name__, e)
        return
    f = {copyreg.__newobj__: '__newobj__', copyreg.__newobj_ex__: '__newobj_ex__'}.get(r[0], r[0])
    print(type(obj).__name__, f, r[1][1:] if f == '__newobj__' else r[1][1:], r[2], r[3] if r[3] is None else list(r[3]), r[4] if r[4] is None else dict(r[4]))


class C1:
    def __getnewargs__(self):
        return args


class C2:
    def __getnewargs__(self):
        return "bad args"


class C3:
    def __getnewargs_ex__(self):
        return (args, kwargs)


class C4:
    def __getnewargs_ex__(self):
        return (args, "bad dict")


class C5:
    def __getnewargs_ex__(self):
        return ("bad tuple", kwargs)


class C6:
    def __getnewargs_ex__(self):
        return ()


class C9:
    def __getnewargs_ex__(self):
        return (args, {})


class C12:
    def __getstate__(self):
        return "not dict"


class C14:
    __slots__ = ('cheese', 'ham')

    def __init__(self):
        self.cheese = -401


class C15(dict):
    pass


class C16(list):
    pass


class Picky:
    def __getstate__(self):
        return {}

    def __getattr__(self, attr):
        if attr in ("__getnewargs__", "__getnewargs_ex__"):
            raise AssertionError(attr)
        return None


class Mixed:
    __slots__ = ('a', '__dict__')


o1 = C1()
o1.cheese = 1
m = Mixed()
m.a = 1
m.b = 2
for o in (C1(), o1, C2(), C3(), C4(), C5(), C6(), C9(), C12(), C14(), C15({"q": -601}), C16(["yukon"]), Picky(), m):
    show(o)
print(C14().__getstate__(), m.__getstate__(), object().__getstate__())

for call in (lambda: object().__reduce__(0), lambda: object().__reduce_ex__(), lambda: object().__reduce_ex__(None)):
    try:
        call()
    except TypeError as e:
        print('TypeError', e)

# slotted objects copy and pickle with their slot values
s = C14()
s.ham = 'h'
for c in (copy.copy(s), copy.deepcopy(s), pickle.loads(pickle.dumps(s, 2))):
    print(c is s, c.cheese, c.ham)
for proto in (0, 1):
    try:
        C14().__reduce_ex__(proto)
    except TypeError as e:
        print(proto, e)
# an instance whose class's __slots__ leave out __dict__ has none; slot values are not in one
print(hasattr(C14(), '__dict__'), vars(m), m.__dict__)
try:
    vars(C14())
except TypeError as e:
    print(e)
