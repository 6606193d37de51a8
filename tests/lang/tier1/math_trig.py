# math.sin cos tan atan2 hypot (rounded where libm results are not exact).
import math
print(math.sin(0), math.cos(0), math.tan(0), math.atan2(0, 1), math.atan2(1, 0) == math.pi / 2)
for deg in [0, 30, 45, 60, 90, 180, 270, 360]:
    rad = deg * math.pi / 180
    print(deg, round(math.sin(rad), 12), round(math.cos(rad), 12), round(math.tan(rad), 9) if deg % 180 != 90 else "inf")
print(math.atan2(1, 1) == math.pi / 4, math.atan2(-1, -1) == -3 * math.pi / 4, math.atan2(0, -1) == math.pi)
print(math.atan2(-0.0, -1) == -math.pi, math.atan2(0.0, 0.0), math.atan2(-0.0, 0.0))
print(math.hypot(3, 4), math.hypot(5, 12), math.hypot(0, 0), math.hypot(-3, -4), math.hypot(1e200, 1e200) > 1e200)
print(math.hypot(8, 15), math.hypot(2, 3, 6), round(math.hypot(1, 1), 15), math.hypot(math.inf, math.nan))
angle = math.atan2(3, 4)
print(round(angle, 12), round(math.degrees(angle), 9), round(math.radians(180), 12) == round(math.pi, 12))
print(round(math.sin(1) ** 2 + math.cos(1) ** 2, 12), round(math.sin(math.pi / 6), 12))
