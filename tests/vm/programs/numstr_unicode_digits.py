# int() and float() of a str read any Unicode decimal digit and Unicode space as ASCII
print(int('\u0663\u0661'), int(' \uff11\uff12 '), int('\u0969', 16))
print(float("  \u0663.\u0661\u0664  "), float('\u2003 1e3\u3000'), float('\u0663.\U0001d7d9'))
for s in ['\u00b2', '1\u00b2', '\ufeff1', '\u0661_\u0662']:
    try:
        print(repr(float(s)))
    except ValueError as e:
        print('float', e)
    try:
        print(repr(int(s)))
    except ValueError as e:
        print('int', e)
