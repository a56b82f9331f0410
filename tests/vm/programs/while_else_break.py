n = 10
while n > 0:
    n -= 3
    if n == 1:
        print("hit 1")
        break
else:
    print("no break", n)
