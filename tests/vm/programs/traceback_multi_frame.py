def level3():
    return {}["missing"]
def level2():
    return level3()
def level1():
    return level2()
try:
    level1()
except KeyError as e:
    print("caught", repr(e))
level1()
