# Builtins called without their required arguments raise TypeError (found by the fuzz test:
# the VM read a missing argument and stopped with a fatal error).
calls = [
    lambda: sum(),
    lambda: any(),
    lambda: all(),
    lambda: round(),
    lambda: pow(),
    lambda: pow(2),
    lambda: ascii(),
    lambda: callable(),
    lambda: __import__(),
    lambda: eval(),
    lambda: exec(),
    lambda: callable(1, 2),
    lambda: str.upper(),
    lambda: list.append(),
    lambda: dict.keys(),
    lambda: int.bit_length(),
    lambda: set.add(),
]
for c in calls:
    try:
        c()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
