"""Prints when imported: shows that modules are executed once and cached."""
print("_noisy: imported")
loads = 1
