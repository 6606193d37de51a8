# Formatting a text report with alignment, totals and percentages.
sales = [("North", 12500.5, 130), ("South", 8300.25, 95), ("East", 15020.0, 160),
         ("West", 970.75, 12), ("Central", 4400.0, 51)]
total_amount = sum(s[1] for s in sales)
total_units = sum(s[2] for s in sales)
header = f"{'Region':<10}|{'Amount':>12}|{'Units':>6}|{'Share':>7}|{'Avg':>9}"
print(header)
print("-" * len(header))
for region, amount, units in sorted(sales, key=lambda s: -s[1]):
    share = amount / total_amount
    print(f"{region:<10}|{amount:>12,.2f}|{units:>6d}|{share:>7.1%}|{amount / units:>9.3f}")
print("-" * len(header))
print(f"{'Total':<10}|{total_amount:>12,.2f}|{total_units:>6d}|{1:>7.1%}|{total_amount / total_units:>9.3f}")
best = max(sales, key=lambda s: s[1] / s[2])
print("best average: %s (%.2f per unit)" % (best[0], best[1] / best[2]))
print("{:*^40}".format(" end of report "))
