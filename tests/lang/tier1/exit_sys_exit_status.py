# sys.exit(3): output so far is kept, nothing after it runs, exit status is 3.
# expect-status: 3
import sys
print("before exit")
for i in range(3):
    print("line", i)
def leave():
    print("leaving with status 3")
    sys.exit(3)
leave()
print("never printed")
