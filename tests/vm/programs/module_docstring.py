
"""The module docstring, after a blank line."""
import sys
print(repr(__doc__))
print(repr(sys.modules[__name__].__doc__))
src = "x = 1\n\"\"\"not a docstring\"\"\"\n"
ns = {}
exec(src, ns)
print(ns.get("__doc__"))
ns = {}
exec('"""doc"""\n', ns)
print(ns["__doc__"])
