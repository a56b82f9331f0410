import sys
def down(n):
    if n == 0:
        return 0
    return 1 + down(n - 1)
print(down(950))
sys.setrecursionlimit(3000)
print(down(2500))
