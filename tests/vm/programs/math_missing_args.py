import math
names = [n for n in dir(math) if callable(getattr(math, n)) and not n.startswith('_')]
for n in names:
    for args in [(), (1,)]:
        try:
            getattr(math, n)(*args)
        except TypeError as e:
            if 'argument' in str(e):
                print(n, len(args), e)
        except Exception as e:
            pass
print(math.isclose(a=1, b=1), math.gcd(), math.hypot(), math.prod([2, 3], start=2), math.log(8, 2))
