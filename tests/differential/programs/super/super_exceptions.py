class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class NotFound(AppError):
    def __init__(self, what):
        super().__init__(404, f"{what} not found")
    def __str__(self):
        return "[" + str(self.code) + "] " + super().__str__()
try:
    raise NotFound("page")
except AppError as e:
    print(e, e.code, e.args, repr(e))
raise NotFound("user")
