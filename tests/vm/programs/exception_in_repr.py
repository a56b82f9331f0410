class Bad:
    def __repr__(self):
        raise ValueError("repr failed")
try:
    print([Bad()])
except ValueError as e:
    print("caught:", e)
