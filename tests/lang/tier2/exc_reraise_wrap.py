# Catching user exceptions, re-raising, wrapping, and finally with user classes.
class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field

class Form:
    def __init__(self, **fields):
        self.fields = fields

    def validate(self):
        errors = []
        for name, value in self.fields.items():
            try:
                self.check(name, value)
            except ValidationError as e:
                errors.append(e)
        return errors

    def check(self, name, value):
        if value is None:
            raise ValidationError(name, "required")
        if name == "age" and not (0 <= value <= 150):
            raise ValidationError(name, f"out of range: {value}")

form = Form(name="x", age=200, email=None)
for err in form.validate():
    print(err.field, "->", err)
def strict(form):
    try:
        for name, value in form.fields.items():
            form.check(name, value)
    except ValidationError:
        print("strict: re-raising")
        raise
    finally:
        print("strict: finally")
try:
    strict(form)
except ValidationError as e:
    print("outer got", e.field, e.args)
print(len(Form(name="ok", age=3).validate()))
