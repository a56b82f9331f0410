class A:
    def __str__(self):
        return "A-str"
class B:
    def __repr__(self):
        return "B-repr"
print(A(), str(A()), B(), str(B()), [B()], f"{B()}")
print(repr(1.0), repr(True), repr(None), str([1, "a", None]), str({"k": (1,)}))
