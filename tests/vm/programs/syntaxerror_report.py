# How sys.excepthook reports a SyntaxError's location (CPython 3.11's print_error_text): the
# text without its indentation, carets from offset to end_offset (clipped), none left of the
# text; SyntaxError's constructor checks its location tuple as PyArg_ParseTuple('OOOO|OO').
import sys, io
def show(e):
    err = io.StringIO(); old = sys.stderr; sys.stderr = err
    try: sys.__excepthook__(type(e), e, None)
    finally: sys.stderr = old
    print(err.getvalue(), end='')
for args in [("bad.py", 1, 2, "abcdefg", 1, 7), ("bad.py", 1, 2, "abcdefg", 1, 3), ("bad.py", 1, 2, "abcdefg", 1, -2),
             ("bad.py", 1, 4, "abcdefg", 1, 2), ("bad.py", 1, -4, "abcdefg", 1, -2), ("bad.py", 1, -4, "abcdefg", 1, -5),
             ("bad.py", 1, 0, "abcdefg", 1, 0), ("bad.py", 1, 0, "abcdefg", 1, 5), ("bad.py", 1, 2, "abcdefg", 1, 100),
             ('f.py', 1, 3, '  abc  def\n', 1, 6), ('f.py', 1, 3, 'abc\ndef\n', 2, 6), (None, None, 3, 'abc\ndef\n', 2, 6),
             ('f.py', 2, None, 'x = (\n', 3, 1), ('g.py', 3, 5, None)]:
    show(SyntaxError("bad bad", args))
show(SyntaxError(None, ('f', 1, 3, 'abc\ndef\n', 2, 6)))
show(IndentationError('ind', ('f.py', 1, 3, '   abcdef', 1, 6)))
show(SyntaxError('plain'))
try:
    compile('x = 1 +\n', 'f.py', 'exec')
except SyntaxError as e:
    show(e)
for a in [('bad.py',1,2),('bad.py',1,2,4,5,6,7),('bad.py',1,2,'abc',1), 5]:
    try: SyntaxError('m', a)
    except Exception as e: print(type(e).__name__, e)
