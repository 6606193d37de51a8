# no_result: exits 0 but never prints "@@bench result=ok"; must be a failure.
print("@@bench iter=0 warmup=0 seconds=0.1")
