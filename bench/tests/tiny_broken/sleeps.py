# sleeps: never finishes in time; the harness must report "timeout after Ns".
import sys
import time

print("@@bench iter=0 warmup=1 seconds=0.1", flush=True)
time.sleep(60)
print("@@bench result=ok")
