x = "global"
class A:
    x = "class"
    y = x + "!"
    def f(self):
        return x
print(A.y, A().f())
