class InsufficientFunds(Exception):
    pass
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
    def withdraw(self, amt):
        if amt > self.balance:
            raise InsufficientFunds(f"{self.owner}: need {amt - self.balance} more")
        self.balance -= amt
        return self.balance
a = Account("ann", 100)
print(a.withdraw(30))
try:
    a.withdraw(100)
except InsufficientFunds as e:
    print("error:", e)
a.withdraw(500)
