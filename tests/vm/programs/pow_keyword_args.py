# pow(base, exp, mod=None) takes each argument by keyword too, with Argument Clinic's errors.
from functools import partial

print(pow(0, exp=0), pow(base=2, exp=4), pow(base=5, exp=2, mod=14))
print(partial(pow, base=2)(exp=5), partial(pow, exp=5)(2), partial(pow, mod=10)(2, 6))
print(pow(2, 10, None), pow(2.0, exp=-1))
for args, kwargs in [((), {}), ((2,), {}), ((2,), {'x': 1}), ((), {'exp': 2}), ((2, 3), {'modulo': 5})]:
    try:
        pow(*args, **kwargs)
    except TypeError as e:
        print(e)
