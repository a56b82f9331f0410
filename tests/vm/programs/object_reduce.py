# object's copy protocol: __reduce_ex__, __reduce__ and __getstate__ (what enum, copy and pickle read)
import copyreg
class P:
    def __init__(self, x): self.x = x
p = P(3)
r = p.__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1][0] is P, r[2], r[3], r[4])
r0 = p.__reduce_ex__(0)
print(r0[0] is copyreg._reconstructor, r0[1], r0[2])
class L(list): pass
l = L([1, 2])
rl = l.__reduce_ex__(2)
print(rl[1][0] is L, list(rl[3]))
class R:
    def __reduce__(self): return (R, ())
print(R().__reduce_ex__(2))
print(P.__getstate__(p), object().__getstate__() if hasattr(object(), '__getstate__') else 'x')
print(object.__reduce_ex__ is object.__reduce_ex__, P.__reduce_ex__ == object.__reduce_ex__)
new = r[0](*r[1])
for k, v in r[2].items(): setattr(new, k, v)
print(new.x)
