class A:
    pass
class B(A):
    def missing(self):
        return super().nope
    def deleted(self):
        del self
        return super()
    def too_many(self):
        return super().__init__(1)
class C(A):
    def __init__(self, x):
        super().__init__(x)
def outside():
    return super()
tests = [lambda: super(1, A()), lambda: super(A, 1), lambda: super(), outside,
         B().missing, B().deleted, B().too_many, lambda: C(5), lambda: super(B, B).missing]
for t in tests:
    try:
        t()
    except (TypeError, RuntimeError, AttributeError) as e:
        print(type(e).__name__, e)
print(type(super(B, B())).__name__, super(B, B()).__class__.__name__)
