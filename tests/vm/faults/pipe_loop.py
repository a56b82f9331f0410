# Writes far more than a pipe holds to a reader that stops after the first line.
for i in range(200000):
    print(i)
