# Interactive code (compile(..., 'single'), as doctest runs its examples) hands the value of an
# expression statement to sys.displayhook as it is at that moment; the default one writes the
# repr to sys.stdout as it is then and keeps the value in builtins._.
import builtins
import io
import sys

print(sys.displayhook is sys.__displayhook__)
exec(compile("1 + 2\n", "<x>", "single"))
print(builtins._)
exec(compile("None\n", "<x>", "single"))
print(builtins._)

shown = []
sys.displayhook = shown.append
exec(compile("'a' * 3\n", "<x>", "single"))
exec(compile("[1, 2]\n", "<x>", "single"))
sys.displayhook = sys.__displayhook__
print(shown)

buf = io.StringIO()
saved = sys.stdout
sys.stdout = buf
try:
    exec(compile("{'k': (1, 2)}\n", "<x>", "single"))
finally:
    sys.stdout = saved
print(repr(buf.getvalue()))
sys.displayhook("direct")
sys.displayhook(None)
print(builtins._)

# what doctest saves and restores around its examples
print(sys.gettrace(), sys.getprofile())
sys.settrace(None)
sys.setprofile(None)
try:
    sys.displayhook()
except TypeError as e:
    print(type(e).__name__)
