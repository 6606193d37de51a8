# sys.stdout.write (returns the count, no newline), sys.argv, print(file=sys.stdout).
import sys

n = sys.stdout.write("written directly")
sys.stdout.write("\n")
print("write returned", n)
sys.stdout.write("a" + "b" * 3 + "\n")
count = sys.stdout.write("")
print("empty write returned", count)
print("via print", file=sys.stdout)
print(len(sys.argv), sys.argv[0].split("/")[-1])
print(type(sys.argv).__name__, sys.argv[1:])
for word in ["no", "newline", "between"]:
    sys.stdout.write(word)
sys.stdout.write("\n")
sys.stdout.write("unicode: é ü ✓\n")
print(sys.stdout.write("x\n") == 2)
print(sys.maxsize == 2**63 - 1, sys.version_info[0])
