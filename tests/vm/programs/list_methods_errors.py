l = [1, 2]
try:
    l.remove(5)
except ValueError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    l[10] = 1
except IndexError as e:
    print(e)
try:
    l.index(9)
except ValueError as e:
    print(e)
