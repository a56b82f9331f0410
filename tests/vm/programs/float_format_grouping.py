# float formatting: zero padding takes part in grouping (leading zeros are grouped too), and
# type n is g with the (C) locale's separators
for s in ['010,.2','010,','012,.3f','015,e', '010_.2', '020,.4g', '09,', '010,.2%', '>12,.1f', '012,.1f']: print(repr(format(1234.5678, s)), repr(format(1.2,s)), repr(format(-1.2,s)))
print(format(12345,'010,'), format(-1.5, '010,.2'))
for x in [1234567890.0 * (10.0 ** i) for i in range(-10, 10)]: print(format(x, 'n'), format(x, '.10n'))
print(format(1234.5, '#012,.0f'), format(1234.5, '#012,.0e'), format(-0.0001, 'z010,.2f'))
print(format(0.0, 'n'), format(1e-5, 'n'), format(100.0, '.0n'), format(1.5, '#n'), format(1234.5, ',n') if False else '')
