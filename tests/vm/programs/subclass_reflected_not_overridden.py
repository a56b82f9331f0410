# a subclass's reflected operator runs first only when the subclass overrides it
class C(object):
    def __floordiv__(self, other):
        return "C.__floordiv__"
    def __rfloordiv__(self, other):
        return "C.__rfloordiv__"
class D(C):
    def __floordiv__(self, other):
        return "D.__floordiv__"
    def __rfloordiv__(self, other):
        return "D.__rfloordiv__"
class E(C):
    pass
print(D() // C(), C() // D())
print(E() // 1, 1 // E(), E() // C(), C() // E())
class F(C):
    def __rfloordiv__(self, other):
        return NotImplemented
print(C() // F())
class G(int):
    def __radd__(self, other):
        return 'G.__radd__'
class H(G):
    pass
print(1 + H(2), H(1) + H(2))
