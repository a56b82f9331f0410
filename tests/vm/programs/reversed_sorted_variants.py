print(list(reversed(range(5))), list(reversed("abc")), list(reversed((1, 2))), sorted("bca", reverse=True), list(reversed({"a": 1, "b": 2})))
