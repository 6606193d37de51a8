# raise UserError from another: the last stderr line is the new exception.
# expect: ConfigError: missing setting 'port'
class ConfigError(Exception):
    pass
def get_setting(settings, name):
    try:
        return settings[name]
    except KeyError as e:
        raise ConfigError(f"missing setting {name!r}") from e
settings = {"host": "example.org"}
print(get_setting(settings, "host"))
get_setting(settings, "port")
