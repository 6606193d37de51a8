# if __name__ == "__main__": the script runs as __main__, imported modules see their own name.
import _helper

def main():
    print("main() running as", __name__)
    print("helper module name:", _helper.__name__)
    return 0

def library_function():
    return "library"

print("top level, __name__ is", __name__)
if __name__ == "__main__":
    status = main()
    print("status", status)
else:
    print("imported, not run")
print(__name__ == "__main__", library_function())
import _pkg.sub
print(_pkg.sub.__name__, _pkg.__name__)
