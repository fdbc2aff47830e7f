# A base case that is never reached: on 3.10 the limit is hit inside the comparison
# ("... in comparison"), on 3.11+ the int comparison is not a recursive call.
def countdown(n):
    if n == 0:
        return "liftoff"
    return countdown(n - 1)
print(countdown(5))
print(countdown(-1))
