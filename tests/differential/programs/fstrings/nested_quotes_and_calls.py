scores = {'ann': 3, 'bob': 5}
for name in sorted(scores):
    print(f"{name.upper():>5}: {'*' * scores[name]} ({scores[name] / 8:.1%})")
width = 7
print(f'[{"pad":^{width}}]')
print(f'{len(scores)} players, best {max(scores.values())}')
