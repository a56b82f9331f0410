CONST = 42
def square(x):
    return x * x
def greet(n):
    return "hello " + n
if __name__ == "__main__":
    print("main of helper")
