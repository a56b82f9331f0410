def classify(cmd):
    match cmd:
        case ("add", int(a), int(b)):
            return a + b
        case ("neg", x) if isinstance(x, int):
            return -x
        case ("echo", *words):
            return " ".join(words)
        case {"op": "mul", "args": [a, b]}:
            return a * b
        case _:
            return "?"
for c in [("add", 1, 2), ("neg", 5), ("neg", "x"), ("echo", "a", "b"), {"op": "mul", "args": [3, 4]}, ("add", 1)]:
    print(classify(c))
