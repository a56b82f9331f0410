# The str methods the interpreter answers straight from its stack (exact str, positional
# arguments): each form next to the ones that must still go the generic way (keywords, other
# argument types, str subclasses, errors), so both paths give CPython's results.

class S(str):
    pass

def show(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

astral = "a\U0001F600b\U0001F600c"
cases = ["", " ", "a b  c ", "\tx\ny\x1cz\u3000w", "one. two. three", astral, "caf\u00e9 CAF\u00c9"]

for s in cases:
    show("split0", lambda: s.split())
    show("rsplit0", lambda: s.rsplit())
    show("split1", lambda: s.split(" "))
    show("split.", lambda: s.split(". "))
    show("rsplit1", lambda: s.rsplit(" "))
    show("splitNone", lambda: s.split(None))
    show("split_kw", lambda: s.split(sep=" "))
    show("split_max", lambda: s.split(" ", 1))
    show("lower", lambda: s.lower())
    show("upper", lambda: s.upper())
    show("capitalize", lambda: s.capitalize())
    show("isupper", lambda: s.isupper())
    show("isspace", lambda: s.isspace())
    show("strip", lambda: s.strip())
    show("lstrip", lambda: s.lstrip())
    show("rstrip", lambda: s.rstrip())
    show("strip1", lambda: s.strip(" a"))
    show("replace", lambda: s.replace(" ", "_"))
    show("replace_empty", lambda: s.replace("", "-"))
    show("replace3", lambda: s.replace(" ", "", 1))
    show("startswith", lambda: s.startswith("a"))
    show("startswith_empty", lambda: s.startswith(""))
    show("startswith_tuple", lambda: s.startswith(("x", "on")))
    show("endswith", lambda: s.endswith("c"))
    show("endswith_long", lambda: s.endswith(s + "x"))
    show("find", lambda: s.find("b"))
    show("find_astral", lambda: s.find("\U0001F600"))
    show("find_empty", lambda: s.find(""))
    show("rfind", lambda: s.rfind("c"))
    show("rfind_empty", lambda: s.rfind(""))
    show("rfind_astral", lambda: s.rfind("\U0001F600"))
    show("index", lambda: s.index("b"))
    show("rindex", lambda: s.rindex("b"))
    show("find_start", lambda: s.find("b", 2))
    show("join", lambda: s.join(["x", "y", "z"]))
    show("join1", lambda: s.join(["only"]))
    show("join_gen", lambda: s.join(w for w in ["p", "q"]))

# a one-item join hands back that very str (CPython), but never a subclass instance
w = "word" * 3
print("-".join([w]) is w, type("-".join([S("sub")])).__name__)

# the generic path's errors, reached from the fast one
show("split_empty_sep", lambda: "abc".split(""))
show("split_int", lambda: "abc".split(1))
show("join_int", lambda: ",".join([1, 2]))
show("join_nonseq", lambda: ",".join(5))
show("find_int", lambda: "abc".find(1))
show("replace_int", lambda: "abc".replace("a", 1))
show("startswith_int", lambda: "abc".startswith(1))
show("lower_arg", lambda: "abc".lower(1))
show("strip_int", lambda: "abc".strip(1))
show("index_missing", lambda: "abc".index("z"))
show("rindex_missing", lambda: "abc".rindex("z"))

# str subclasses take the generic path and give str results
t = S("Ab Cd")
show("sub_lower", lambda: t.lower())
show("sub_split", lambda: t.split())
show("sub_join", lambda: t.join(["1", "2"]))
show("sub_replace", lambda: t.replace("b", "B"))

# methods reached unbound or with a non-str self still check their self
show("unbound", lambda: str.lower("XY"))
show("unbound_bad", lambda: str.lower(5))
show("unbound_split", lambda: str.split("a b", " "))

# int fast paths under the same benchmarks: masks below 2^31 and big % small
for x in [0, 1, -1, 2**31 - 1, 2**31, -2**31, 2**40 + 12345, -(2**40) - 7, 2**53 + 3, -(2**60) + 1, 2**100 + 99, -(2**100) - 99]:
    print(x & 0x7FFFFFFF, 0x7FFFFFFF & x, x & 0xFFFF, x & (2**31), x & 0, x & 2**30)
for m in [1, 2, 3, 7, 1000, 2**24, 2**31, 2**40, 2**40 + 1, -1, -3, -(2**31), -(2**40), 12345678901]:
    for a in [2**53, 2**53 + 1, -(2**53) - 5, 2**64 - 1, -(2**64) + 1, 3**60, -(3**60), 12345 * 2**72]:
        print(a % m, end=" ")
    print()
state = 42
for _ in range(5):
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    print(state, (state * 1103515245 + 12345) % 2147483648)
