# format() spec checks as CPython's parse_internal_render_format_spec and the per-type
# formatters make them: ',' and '_' together or with a type they do not go with, a spec with
# more than one character left, signs/'#'/'='/'z' where a type refuses them, 'c' out of range,
# 'z' dropping the sign of a float that rounds to zero, bool formatted as an int.
cases = [(1, ',_'), (1, '_,'), (1, ',,'), (1, '__'), (1, '{}>10'), (1.5, 'abc'), ('s', 'xx'), (1, ',x'), (1, '_x'), (1, '_b'), (1, ',s'), (1.0, ',d'), (1, '.'), (1, '10,,d'), ('s', ',') , (1, ',c'), (1.5, '_n'), (1, '=s'), ('x', '='), (1, 'z'), (1.0, 'zd'), (1, '#c'), (1,'+c'), ('s', '+'), ('s', '#'), (1, '.3d'), (1, 'q'), (1.0, 'q'), ('s','d'), (1+2j, 'xx'), (1+2j, '=10'), (1+2j, '010')]
for v, s in cases:
    try:
        print(repr(v), repr(s), repr(format(v, s)))
    except Exception as e:
        print(repr(v), repr(s), type(e).__name__, e)
more = [(True, '^10'), (True, 's'), (True, '05'), (False, 'x'), ('s', '05'), ('s', ' '), ('s', '-'), ('s', 'z'), (-0.0, 'z.1f'), (-0.001, 'z.1f'), (-0.001, 'z.1e'), (-0.04, 'z.1%'), (-0.1, 'z.1f'), (1j, '0<5'), (1j, 'x<05'),
        (0xabcdef, '_x'), (0xabcdef, ',x'), (1234567, ',d'), (1234567, '_'), (12345.5, ',.1f'), (65, 'c'), (-1, 'c'), (0x110000, 'c'), (2**70, 'c'), (1, '\x01'), (1, ',\x01'), (1, '10.2s'), (1.5, ',n'), (1.5, 'z'), (1, '-c'), (1, ' c')]
class I(int): pass
more += [(I(5), 'q'), (I(5), 'xyz')]
for v, s in more:
    try:
        print(repr(v), repr(s), repr(format(v, s)))
    except Exception as e:
        print(repr(v), repr(s), type(e).__name__, e)
import sys
for s in [".%sf" % (sys.maxsize + 1), "%s" % (sys.maxsize+1), "10.2f"]:
  for v in [1.2, 1.2j, 3, "s"]:
    try: print(repr(format(v, s)))
    except ValueError as e: print(e)
for s in ["%z.1f", "%z.2e", "%z.2g", "%#z.0f", "%.3d", "%+.5d", "%-8.3d", "%08.3d", "%.3x", "%#.5x", "%.0d", "%.3i", "%.2o", "%#.4o"]:
  for v in [-0.0, -0.001, 5, -5, 0]:
    try: print(s, v, repr(s % v))
    except Exception as e: print(s, v, type(e).__name__, e)
print(format(-0.0, "z.1f"), "{:z.1f}".format(-0.0), f"{-0.0:z.1f}", f"{-1e-9j:z.1f}")
print(f"{-0.:\U0001f5a4>z6.1f}", format("ab", "\U0001f5a4^6"), format(5, "\U0001f5a4<4"))
for s in ["z+f", "fz"]:
    try: format(0, s)
    except ValueError as e: print(e)
