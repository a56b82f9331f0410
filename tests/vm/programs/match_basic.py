def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case "hello":
            return "greeting"
        case None:
            return "nothing"
        case True:
            return "true"
        case [a]:
            return f"one item {a}"
        case [a, b]:
            return f"pair {a},{b}"
        case [first, *rest]:
            return f"first {first} rest {rest}"
        case {"type": "point", "x": px, **others}:
            return f"point x={px} others={others}"
        case {"k": v}:
            return f"k={v}"
        case int(n) if n > 100:
            return f"big int {n}"
        case str() as s:
            return f"some str {s!r}"
        case _:
            return "other"
for v in [0, 2, -1, "hello", None, True, [9], (1, 2), [1, 2, 3, 4], {"type": "point", "x": 3, "y": 4}, {"k": 5, "z": 1}, 500, 50, "abc", 3.5, []]:
    print(repr(v), "->", describe(v))
