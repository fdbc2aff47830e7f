# exit() (site's Quitter) raises SystemExit(code): the status is the code.
print("checking input")
exit(4)
print("never printed")
