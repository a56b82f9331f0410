try:
  x = 1
print(2)
