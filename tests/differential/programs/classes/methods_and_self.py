class Stack:
    def __init__(self):
        self.items = []
    def push(self, x):
        self.items.append(x)
        return self
    def pop(self):
        return self.items.pop()
    def size(self):
        return len(self.items)
s = Stack()
s.push(1).push(2).push(3)
print(s.size(), s.pop(), s.size())
print(Stack.size(s))
