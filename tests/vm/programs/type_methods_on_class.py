# type's own methods are found on every class through its metaclass: C.mro(), C.__subclasses__(),
# C.__call__ and C.__prepare__, bound to the class.
class P: pass
class Q(P): pass
print(P.__subclasses__(), type.__subclasses__(P), P.mro(), Q.mro())
print(callable(P.__call__), P.__call__().__class__.__name__, hasattr(P, "__prepare__"))
class M(type):
  def mro(cls): return [cls, object]
class X(metaclass=M): pass
print(X.mro(), X.__subclasses__())
print(int.__subclasses__() is not None, int.mro())
