# raise ... from ...: __cause__, from None (suppress the context), a class as the cause, a bad cause.
class ConfigError(Exception):
    pass
def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad port {text!r}") from e
def quiet(text):
    try:
        return int(text)
    except ValueError:
        raise ConfigError("quiet") from None
for f, arg in [(parse_port, "80"), (parse_port, "x"), (quiet, "y")]:
    try:
        print(f(arg))
    except ConfigError as e:
        print(e, repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    raise ValueError("v") from KeyError
except ValueError as e:
    print(repr(e.__cause__))
try:
    raise ValueError("v") from 5
except TypeError as e:
    print(e)
parse_port("oops")
