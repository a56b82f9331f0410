try:
    1 / 0
except:
    print("bare caught")
try:
    raise KeyboardInterrupt
except BaseException as e:
    print(type(e).__name__)
