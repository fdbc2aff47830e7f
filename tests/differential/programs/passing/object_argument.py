class Account:
    def __init__(self, balance):
        self.balance = balance
def deposit(acct, amount):
    acct.balance += amount
def swap_out(acct):
    acct = Account(0)
    return acct
a = Account(10)
deposit(a, 5)
print(a.balance)
b = swap_out(a)
print(a.balance, b.balance, a is b)
