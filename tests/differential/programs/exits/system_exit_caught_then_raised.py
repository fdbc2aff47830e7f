# SystemExit is an exception: except catches it (not except Exception), finally runs.
import sys
try:
    sys.exit(2)
except SystemExit as e:
    print("caught", e.code, e.args, repr(e))
raise SystemExit(5)
