# sys.exit("message") prints the message to stderr and exits with status 1.
# expect: fatal: configuration is missing
# expect-status: 1
import sys
config = {}
print("loading configuration")
for key in ["host", "port"]:
    print("checking", key, key in config)
if not config:
    sys.exit("fatal: configuration is missing")
print("never printed")
