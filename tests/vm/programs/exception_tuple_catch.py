def risky(i):
    if i == 0: return 1 / 0
    if i == 1: return [][0]
    if i == 2: return {}["x"]
    return "ok"
for i in range(4):
    try:
        print(risky(i))
    except (ZeroDivisionError, IndexError) as e:
        print("A", type(e).__name__)
    except LookupError as e:
        print("B", type(e).__name__)
