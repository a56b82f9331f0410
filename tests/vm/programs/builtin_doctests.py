# Builtins carry CPython's docstrings where they hold doctest examples, and doctest finds and
# runs them (test_builtin's DocTestSuite(builtins)); int.as_integer_ratio is among them.
import builtins, doctest, types

print(bin.__doc__)
print(int.bit_length.__doc__.splitlines()[0])
print((5).bit_length.__doc__ == int.bit_length.__doc__, (5).__doc__ == int.__doc__)
print(float.fromhex.__qualname__, float.fromhex.__doc__.splitlines()[0])
print(int.bit_length.__objclass__, bool.__doc__ is None or bool.__doc__ != int.__doc__)
print(types.CoroutineType.send.__doc__)
print(len.__doc__ is None or isinstance(len.__doc__, str))

tests = sorted((t for t in doctest.DocTestFinder().find(builtins) if t.examples), key=lambda t: t.name)
print([t.name for t in tests])
runner = doctest.DocTestRunner()
for t in tests:
    runner.run(t)
print(runner.summarize(verbose=False))

print((7).as_integer_ratio(), (-10 ** 30).as_integer_ratio(), True.as_integer_ratio())
print(type(True.as_integer_ratio()[0]))
class MyInt(int):
    pass
print(type(MyInt(3).as_integer_ratio()[0]))
