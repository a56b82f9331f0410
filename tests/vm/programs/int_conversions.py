print(int("  42 "), int("-7"), int(3.99), int("1_000"), int("z", 36), str(-0), float("  2.5 "), int(-2**63))
try:
    int("4.5")
except ValueError as e:
    print(e)
try:
    float("abc")
except ValueError as e:
    print(e)
