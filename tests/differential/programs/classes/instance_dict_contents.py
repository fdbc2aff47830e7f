class Config:
    def __init__(self):
        self.debug = False
        self.level = 3
c = Config()
print(c.__dict__)
c.extra = 'x'
print(c.__dict__)
del c.debug
print(c.__dict__, hasattr(c, 'debug'))
