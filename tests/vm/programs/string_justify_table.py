rows = [("apple", 3, 1.5), ("kiwi", 12, 0.25), ("banana", 7, 10.0)]
for name, qty, price in rows:
    print(name.ljust(8) + str(qty).rjust(4) + f"{price:8.2f}")
print("-" * 20)
print("Total".center(20, "="))
