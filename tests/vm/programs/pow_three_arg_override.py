# pow(a, b, m) calls a's own Python __pow__ with the modulus (never __rpow__)
class I(int):
    def __repr__(self):
        return "I(%r)" % int(self)
    def __pow__(self, other, mod=None):
        if mod is None:
            return I(pow(int(self), int(other)))
        return I(pow(int(self), int(other), int(mod)))
    def __rpow__(self, other, mod=None):
        return 'rpow'
print(repr(pow(I(2), I(3), I(5))), repr(pow(I(2), 3, 5)), repr(pow(2, I(3), 5)), repr(I(2) ** 3))
class N:
    def __pow__(self, other, mod=None):
        return NotImplemented
try:
    pow(N(), 2, 3)
except TypeError as e:
    print('TypeError')
