# SystemExit.code and .args for each way of exiting.
import sys
try:
    sys.exit()
except SystemExit as e:
    print(e.code, e.args)
try:
    exit()
except SystemExit as e:
    print(e.code, e.args)
try:
    sys.exit((1, 2))
except SystemExit as e:
    print(e.code, e.args)
try:
    print("in try")
    sys.exit(7)
except Exception:
    print("not caught here")
finally:
    print("finally runs")
