class Res:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('freed', self.n)
def fail():
    r = Res('in failing frame')
    raise RuntimeError('boom')
try:
    fail()
except RuntimeError as e:
    print('caught', e)
print('after except')
