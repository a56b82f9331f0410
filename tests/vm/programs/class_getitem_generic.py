class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__}]"
print(Box[int])
x: list[int] = [1, 2]
y: dict[str, int] = {}
print(x, y)
