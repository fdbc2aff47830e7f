import sys
# 3.13's parser interns every identifier of the file immortal before the compiler runs, so a str
# constant equal to a name used anywhere in the file (a variable, parameter, attribute, keyword
# argument, a name inside an f-string, even one defined further down) is immortal there; a word
# that is only ever a string stays mortal. 3.12 makes every interned string immortal.
BIG = 2 ** 32 - 1


def immortal(s):
    return sys.getrefcount(s) >= BIG


print(immortal('counter'), immortal('speed'), immortal('colour'), immortal('nickname'))
print(immortal('later_name'), immortal('wheels'), immortal('only_a_word'))
counter = 0


class Car:
    def __init__(self, speed):
        self.colour = 'red'
        self.speed = speed


def shout(**kw):
    return kw


shout(nickname=1)
print(f'{0 if counter == 0 else Car.wheels}', immortal(sys.intern('later' + '_name')), immortal(sys.intern('only_a' + '_word')))
later_name = 'set at the end'
