print("before")
exit(5)
