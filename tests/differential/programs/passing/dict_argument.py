def register(registry, name):
    registry[name] = len(registry)
reg = {}
register(reg, 'alpha')
register(reg, 'beta')
print(reg)
def reset(registry):
    registry = {}
    registry['x'] = 1
reset(reg)
print(reg)
def clear(registry):
    registry.clear()
clear(reg)
print(reg)
