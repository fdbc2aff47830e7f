import sys
count = sys.getrefcount(0)
if count == 4294967295:
    print('fixed at the immortal value')
elif count > 10 ** 8:
    print('huge but counted')
else:
    print('a plain count')
