class R:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("open", self.n)
        return self.n
    def __exit__(self, *a):
        print("close", self.n, a[0].__name__ if a[0] else "-")
        return False
try:
    with R(1) as a:
        with R(2) as b:
            print(a + b)
            raise ValueError("inner")
except ValueError:
    print("handled")
for i in range(2):
    with R(i + 10):
        if i == 0:
            continue
        print("second")
