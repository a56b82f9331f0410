class A: pass
class B(A): pass
print(isinstance(B(), A), issubclass(B, A), issubclass(A, B), issubclass(bool, int), issubclass(B, (int, A)), isinstance(3, (str, (int, float))))
