import sys
class Robot:
    def __init__(self, name):
        self.name = name
    def ping(self):
        return sys.getrefcount(self)
r = Robot('ada')
print(sys.getrefcount(r))
print(r.ping())
m = r.ping
print(sys.getrefcount(r))
del m
print(sys.getrefcount(r))
