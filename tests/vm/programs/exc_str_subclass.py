class E(Exception):
    def __str__(self):
        return "custom message"
try:
    raise E()
except E as e:
    print(e)
raise E()
