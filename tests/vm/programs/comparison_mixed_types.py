print(1 == 1.0, 1 < 1.5, 2 > True, [1] == [1.0], (1, 2) < (1, 2.5), "a" == "a", None == 0, [] == ())
try:
    1 < "a"
except TypeError as e:
    print(e)
