# __getattribute__ and __getattr__: the AttributeError a class raises keeps its own message, and
# __getattr__ runs only after __getattribute__ missed.
class Strict:
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(f"{name} is hidden")
        return object.__getattribute__(self, name)


class Fallback:
    visible = 1

    def __getattribute__(self, name):
        if name == "odd":
            raise AttributeError("odd is computed")
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return f"fallback for {name}"


strict = Strict()
strict.plain = 5
print(strict.plain, getattr(strict, "secret_key", "no key"), hasattr(strict, "secret"))
try:
    strict.secret_code
except AttributeError as error:
    print("caught:", error)

fallback = Fallback()
print(fallback.visible, fallback.odd, fallback.missing)
strict.secret_value
