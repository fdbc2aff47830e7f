class Cfg:
    level = 1
c = Cfg()
print(getattr(c, 'level'), getattr(c, 'missing', 'default'), hasattr(c, 'level'))
setattr(c, 'level', 5)
print(c.level, Cfg.level)
try:
    getattr(c, 'missing')
except AttributeError as e:
    print('AttributeError:', e)
