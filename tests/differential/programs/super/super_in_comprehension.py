# 3.12+ inlines list comprehensions (PEP 709): super() inside one sees the method; 3.10/3.11 see the comprehension.
class A:
    def name(self):
        return "A"
class B(A):
    def names(self):
        return [super().name() for _ in range(2)]
try:
    print(B().names())
except TypeError as e:
    print("TypeError:", e)
