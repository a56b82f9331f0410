# float.as_integer_ratio() of inf and nan raises (it looped forever), of finite values is exact.
for v in (float('inf'), float('-inf'), float('nan')):
    try:
        print(v.as_integer_ratio())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
for v in (0.0, -0.0, 0.5, -2.75, 1e300, 5e-324, 0.1):
    n, d = v.as_integer_ratio()
    print(n % 1000003, d % 1000003, d.bit_length())
