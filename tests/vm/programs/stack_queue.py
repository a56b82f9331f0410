stack = []
for c in "({[]})":
    if c in "({[":
        stack.append(c)
    else:
        top = stack.pop()
        print(top + c)
print(stack == [])
queue = [1, 2, 3]
queue.append(4)
print(queue.pop(0), queue)
