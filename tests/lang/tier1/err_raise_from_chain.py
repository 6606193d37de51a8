# Uncaught exception raised `from` another: stderr shows both, the last line is the new one.
# expect: ValueError: invalid configuration value for 'port'
def parse_port(text):
    try:
        return int(text)
    except ValueError as exc:
        raise ValueError("invalid configuration value for 'port'") from exc
print(parse_port("8080"))
print(parse_port(" 443 "))
print(parse_port("eighty"))
