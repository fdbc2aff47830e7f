# At exit, objects that survived a gc.collect() are finalized before younger ones;
# each group in the order the collector discovers it from the module's globals.
import gc

class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

first = D("first")
built = [D("b" + str(i)) for i in range(3)]
keep = []
gc.collect()
print("collected")
young = D("young")
keep.append(D("kept"))
last = [D("l0"), D("l1")]
first.child = D("child")
print("end of program")
