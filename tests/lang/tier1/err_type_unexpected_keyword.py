# Uncaught TypeError for an unknown keyword argument.
# expect: TypeError: connect() got an unexpected keyword argument 'timeout'
def connect(host, port=80):
    return f"{host}:{port}"
print(connect("a"), connect("b", 81), connect(port=82, host="c"))
options = {"host": "d", "port": 83}
print(connect(**options))
options["timeout"] = 5
print(sorted(options))
print(connect(**options))
