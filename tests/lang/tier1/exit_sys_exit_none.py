# sys.exit() with no argument exits with status 0; finally blocks still run.
# expect-status: 0
import sys
def main():
    try:
        print("in main")
        sys.exit()
    finally:
        print("finally runs during sys.exit")
    print("never printed")
print("start")
main()
print("never printed either")
