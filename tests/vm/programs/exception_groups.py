eg = ExceptionGroup('many', [ValueError(1), TypeError('t'), ExceptionGroup('inner', [KeyError('k'), ValueError(2)])])
print(repr(eg), str(eg), eg.message, eg.exceptions, type(eg).__mro__)
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup), issubclass(ExceptionGroup, BaseExceptionGroup))
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, (KeyError, TypeError)))), eg.subgroup(OSError), eg.split(Exception)[0] is eg)
print(repr(eg.split((KeyError, TypeError))))
b = BaseExceptionGroup('b', [ValueError(3)])
print(type(b).__name__, repr(b))
b2 = BaseExceptionGroup('b2', [KeyboardInterrupt(), ValueError(4)])
print(type(b2).__name__, str(b2), isinstance(b2, Exception))
print(repr(eg.derive([ValueError(9)])))
try:
    raise eg
except ExceptionGroup as e:
    print('caught', e is eg, len(e.exceptions))
try:
    try:
        raise ValueError('ctx')
    except ValueError:
        raise ExceptionGroup('with ctx', [OSError(5, 'io')]) from KeyError('cause')
except ExceptionGroup as e:
    m, r = e.split(OSError)
    print(repr(m), r, repr(m.__cause__), repr(m.__context__))
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message.upper(), excs)
g = MyEG('mine', [ValueError(1), TypeError(2)])
print(repr(g), repr(g.split(TypeError)), type(g.subgroup(ValueError)).__name__)
for f in [lambda: ExceptionGroup('x', []), lambda: ExceptionGroup(1, [ValueError()]), lambda: ExceptionGroup('x', ValueError()),
          lambda: ExceptionGroup('x', [1]), lambda: ExceptionGroup('x', [KeyboardInterrupt()]), lambda: eg.split(1), lambda: ExceptionGroup('x'),
          lambda: MyEG('x', [SystemExit()])]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(ExceptionGroup[int])
