vals = [1, 1.0, "1", True, None, [1], (1,), {1: 1}]
for v in vals:
    print(type(v).__name__, isinstance(v, (int, float)), isinstance(v, bool))
