# The last traceback line names an exception class of the program: 3.10 adds "__main__.".
class InsufficientFunds(Exception):
    pass
class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"balance {self.balance} < {amount}")
        self.balance -= amount
a = Account(50)
a.withdraw(20)
print(a.balance)
a.withdraw(100)
