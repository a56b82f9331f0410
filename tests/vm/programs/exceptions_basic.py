try:
    [][1]
except IndexError as e:
    print("IndexError:", e)
try:
    {}["k"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    int("x")
except ValueError as e:
    print(e)
try:
    raise TypeError("bad")
except (ValueError, TypeError) as e:
    print(type(e).__name__, e.args)
finally:
    print("finally")
try:
    pass
except Exception:
    pass
else:
    print("else")
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyErr(7)
except MyErr as e:
    print(e, e.code, isinstance(e, Exception))
