# The same parameter given positionally and by keyword.
# expect: TypeError: area() got multiple values for argument 'width'
def area(width, height=1):
    return width * height
print(area(3), area(3, 4), area(height=2, width=5))
dims = {"height": 7}
print(area(2, **dims))
args = (4,)
print(area(*args, height=3))
print(area(2, width=3))
