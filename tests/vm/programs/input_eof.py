try:
    s = input()
    print("got", s)
except EOFError:
    print("EOF reached")
