if True:
	x = 1
	if x:
		print("tabs ok")
def f():
    return 2
print(f())
