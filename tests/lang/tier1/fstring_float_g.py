# The empty and 'g' presentation types for floats switch between fixed and exponent forms.
values = [0.0, -0.0, 1.0, 0.1, 1e-4, 1e-5, 1.5e-5, 123456.0, 1234567.0, 1e15, 1e16,
          1e16 + 2, 12345678901234567.0, 1.0 / 3, 2.0 ** 60, float("inf"), float("nan")]
for v in values:
    print(repr(v), f"{v}", f"{v:g}", f"{v:.3g}", f"{v:G}", f"{v:#g}", f"{v:.12}", f"{v:10.4}")
print(f"{100000.0:g} {1000000.0:g} {0.0001:g} {0.00001:g}")
print(f"{1234.5:.2g} {1234.5:.4g} {1234.5:.5g} {0.000012345:.3g}")
print(f"{1e22:} {1e21:} {1e-5:} {0.0001:} {123.0:.1}")
print(str(1e16), str(1e15), format(1e16, ""), format(1e15, ""))
print(f"{5e-324}", f"{1.7976931348623157e308:g}", f"{1.7976931348623157e308:.17g}")
