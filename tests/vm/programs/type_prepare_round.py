# type.__prepare__ (reached through super() from a metaclass's own __prepare__, as types.new_class
# and enum do), a __prepare__ that returns no mapping, and round()'s keyword arguments.
import types


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        ns = super().__prepare__(name, bases, **kw)
        ns['made_by'] = mcls.__name__
        return ns


class C(metaclass=Meta):
    pass


print(C.made_by, type.__prepare__('x', ()), type.__prepare__(1, 2, 3, k=4))
print(types.new_class('N', (), {'metaclass': Meta}).made_by)


class BadMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return None


try:
    class D(metaclass=BadMeta):
        pass
except TypeError as e:
    print('TypeError', e)

print(round(number=-8.0, ndigits=-1), round(2.675, ndigits=2), round(number=7))
for call in [lambda: round(), lambda: round(1, 2, 3), lambda: round(1.5, digits=1), lambda: round(ndigits=1)]:
    try:
        call()
    except TypeError as e:
        print('TypeError', e)
