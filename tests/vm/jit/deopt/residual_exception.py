# An exception raised by a residual call (int() of a bad string), inside an inlined frame:
# caught outside the loop, then uncaught, and the traceback must name the same frames and
# lines as CPython's.
def conv(s):
    return int(s)  # deopt-here: int('x') raises

def total(strings):
    t = 0
    for s in strings:
        t += conv(s)
    return t

try:
    total(['1', '2', '3', '4', '5', 'x', '6'])
except ValueError as e:
    print('caught', e)
print(total(['10', '20', '30', '40', '50', 'oops']))
