# str methods called without the arguments they need raise CPython's TypeError (found by the
# fuzz test: "a".replace("x") read a missing argument and stopped the translated VM).
for m in ["replace", "join", "startswith", "endswith", "find", "rfind", "index", "rindex", "count", "center",
          "ljust", "rjust", "zfill", "partition", "rpartition", "removeprefix", "removesuffix", "translate", "format_map"]:
    try:
        getattr("abc", m)()
    except TypeError as e:
        print(m, "|", e)
for call in [lambda: "hello world".replace("world"), lambda: "ab".join("x", "y"), lambda: "ab".zfill(1, 2)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
