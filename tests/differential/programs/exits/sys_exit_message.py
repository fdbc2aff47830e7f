# sys.exit(message): the message goes to stderr, the exit status is 1.
import sys
print("a")
sys.exit("fatal: bad input")
