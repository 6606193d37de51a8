# Precision in f-strings: floats (f, e, g, %), strings (truncation), no-type forms.
x = 3.14159265
print(f"{x:.0f} {x:.1f} {x:.2f} {x:.5f} {x:.10f}")
print(f"{x:.0e} {x:.2e} {x:.3E} {x * 1e10:.4e} {x / 1e10:.1e}")
print(f"{x:.1g} {x:.3g} {x:.10g} {x * 1e6:.3g} {x / 1e6:.3g} {x * 1e5:.6g}")
print(f"{x:.1} {x:.3} {x * 1e20:.3} {1.0:.3} {100.0:.2}")
print(f"{0.256:.0%} {0.256:.1%} {1.0:%} {-0.5:.2%}")
print(f"{'abcdef':.3} {'abcdef':.0}| {'ab':.5} {'abcdef':>6.2} {'abcdef':*^7.4}")
print(f"{2.5:.0f} {3.5:.0f} {0.125:.2f} {0.135:.2f} {1.005:.2f} {2.675:.2f}")
print(f"{1e-10:.3f} {123456.0:.2e} {9.995:.2f} {9.9951:.2f} {0.1:.25f}")
print(f"{7:.2f} {7:.2e} {7:.3g} {7:.1%} {True:.1f}")
print(f"{1 / 3:.15f} {2 / 3:.16f} {1 / 7:.20f}")
for p in range(6):
    print(f"p={p}: {x:.{p}f} {x:.{p}e} {x:.{p}g} {'precision':.{p}}")
