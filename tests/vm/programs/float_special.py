inf = float("inf")
nan = float("nan")
print(inf > 1e308, -inf < 0, nan == nan, nan != nan, inf - inf != inf - inf, str(inf), repr(-inf), 1 / inf)
print(float("1e500"), float("-1e-500"), 0.1 * 3, 1.1 + 2.2, 3.0 * 1.1)
