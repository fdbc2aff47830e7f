class Res:
    def __del__(self):
        print('freed')
r = Res()
del r
print(r)
