# raytrace: a small recursive ray tracer. A camera shoots one ray per pixel
# into a scene of spheres and a floor plane, with Lambertian shading, hard
# shadows from two point lights and mirror reflections up to a fixed depth.
# Vectors are immutable objects with operator methods, so the work is object
# allocation, method calls and float arithmetic.
# Size = image width and height in pixels. Result: (sum of all 8-bit colour
# channels, number of pixels that hit an object) of the in-memory image.
# quick-size: 40
import sys
import time

DEFAULT_SIZE = 80
EXPECTED = {
    10: (18633, 61),
    40: (298509, 944),
    50: (464494, 1448),
    80: (1188700, 3718),
}

EPSILON = 1e-9
MAX_DEPTH = 3


class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def scale(self, factor):
        return Vector(self.x * factor, self.y * factor, self.z * factor)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        return Vector(self.y * other.z - self.z * other.y,
                      self.z * other.x - self.x * other.z,
                      self.x * other.y - self.y * other.x)

    def magnitude(self):
        return self.dot(self) ** 0.5

    def normalized(self):
        return self.scale(1.0 / self.magnitude())

    def reflect_about(self, normal):
        return self - normal.scale(2.0 * self.dot(normal))


class Color:
    def __init__(self, red, green, blue):
        self.red = red
        self.green = green
        self.blue = blue

    def __add__(self, other):
        return Color(self.red + other.red, self.green + other.green, self.blue + other.blue)

    def __mul__(self, other):
        return Color(self.red * other.red, self.green * other.green, self.blue * other.blue)

    def scale(self, factor):
        return Color(self.red * factor, self.green * factor, self.blue * factor)

    def to_bytes(self):
        return tuple(max(0, min(255, int(channel * 255.0)))
                     for channel in (self.red, self.green, self.blue))


BLACK = Color(0.0, 0.0, 0.0)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def point_at(self, distance):
        return self.origin + self.direction.scale(distance)


class Material:
    def __init__(self, color, diffuse, reflectivity):
        self.color = color
        self.diffuse = diffuse
        self.reflectivity = reflectivity

    def color_at(self, point):
        return self.color


class CheckerMaterial(Material):
    def __init__(self, color, other_color, diffuse, reflectivity):
        Material.__init__(self, color, diffuse, reflectivity)
        self.other_color = other_color

    def color_at(self, point):
        if (int(point.x + 1000.0) + int(point.z + 1000.0)) % 2 == 0:
            return self.color
        return self.other_color


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        """Distance along the ray to the nearest hit in front of its origin, or None."""
        to_center = ray.origin - self.center
        b = to_center.dot(ray.direction)
        c = to_center.dot(to_center) - self.radius * self.radius
        discriminant = b * b - c
        if discriminant < 0.0:
            return None
        root = discriminant ** 0.5
        distance = -b - root
        if distance > EPSILON:
            return distance
        distance = -b + root
        if distance > EPSILON:
            return distance
        return None

    def normal_at(self, point):
        return (point - self.center).normalized()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.normalized()
        self.material = material

    def intersect(self, ray):
        denominator = ray.direction.dot(self.normal)
        if abs(denominator) < EPSILON:
            return None
        distance = (self.point - ray.origin).dot(self.normal) / denominator
        return distance if distance > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Camera:
    def __init__(self, eye, look_at, width, height):
        self.eye = eye
        self.width = width
        self.height = height
        self.forward = (look_at - eye).normalized()
        self.right = self.forward.cross(Vector(0.0, 1.0, 0.0)).normalized()
        self.up = self.right.cross(self.forward)

    def ray_through(self, column, row):
        u = (column + 0.5) / self.width * 2.0 - 1.0
        v = 1.0 - (row + 0.5) / self.height * 2.0
        direction = self.forward + self.right.scale(u) + self.up.scale(v)
        return Ray(self.eye, direction)


class Scene:
    def __init__(self):
        self.objects = []
        self.lights = []
        self.ambient = Color(0.1, 0.1, 0.1)

    def nearest_hit(self, ray):
        nearest_distance = None
        nearest_object = None
        for candidate in self.objects:
            distance = candidate.intersect(ray)
            if distance is not None and (nearest_distance is None or distance < nearest_distance):
                nearest_distance = distance
                nearest_object = candidate
        return nearest_object, nearest_distance

    def in_shadow(self, point, light):
        to_light = light.position - point
        distance_to_light = to_light.magnitude()
        blocker, distance = self.nearest_hit(Ray(point, to_light))
        return blocker is not None and distance < distance_to_light

    def trace(self, ray, depth):
        hit_object, distance = self.nearest_hit(ray)
        if hit_object is None:
            return BLACK
        point = ray.point_at(distance)
        normal = hit_object.normal_at(point)
        material = hit_object.material
        base = material.color_at(point)
        color = base * self.ambient
        for light in self.lights:
            if self.in_shadow(point, light):
                continue
            to_light = (light.position - point).normalized()
            lambert = normal.dot(to_light)
            if lambert > 0.0:
                color = color + (base * light.color).scale(lambert * material.diffuse)
        if depth < MAX_DEPTH and material.reflectivity > 0.0:
            reflected = Ray(point, ray.direction.reflect_about(normal))
            color = color + self.trace(reflected, depth + 1).scale(material.reflectivity)
        return color


def build_scene():
    scene = Scene()
    scene.objects.append(Plane(Vector(0.0, -1.0, 0.0), Vector(0.0, 1.0, 0.0),
                               CheckerMaterial(Color(0.9, 0.9, 0.9), Color(0.2, 0.2, 0.2), 0.8, 0.2)))
    scene.objects.append(Sphere(Vector(0.0, 0.0, 5.0), 1.0, Material(Color(0.9, 0.2, 0.2), 0.7, 0.3)))
    scene.objects.append(Sphere(Vector(-2.2, 0.3, 6.5), 1.3, Material(Color(0.2, 0.8, 0.3), 0.6, 0.4)))
    scene.objects.append(Sphere(Vector(2.0, -0.4, 4.2), 0.6, Material(Color(0.3, 0.3, 0.9), 0.9, 0.1)))
    scene.objects.append(Sphere(Vector(0.8, 1.6, 7.5), 0.9, Material(Color(0.9, 0.8, 0.2), 0.5, 0.5)))
    scene.lights.append(Light(Vector(-4.0, 6.0, 0.0), Color(0.8, 0.8, 0.8)))
    scene.lights.append(Light(Vector(5.0, 4.0, 2.0), Color(0.4, 0.4, 0.5)))
    return scene


def render(scene, camera):
    pixels = []
    hits = 0
    for row in range(camera.height):
        line = []
        for column in range(camera.width):
            ray = camera.ray_through(column, row)
            if scene.nearest_hit(ray)[0] is not None:
                hits += 1
            line.append(scene.trace(ray, 0).to_bytes())
        pixels.append(line)
    return pixels, hits


def main(n):
    scene = build_scene()
    camera = Camera(Vector(0.0, 0.8, -1.0), Vector(0.0, 0.0, 5.0), n, n)
    pixels, hits = render(scene, camera)
    total = 0
    for line in pixels:
        for red, green, blue in line:
            total += red + green + blue
    return (total, hits)


# ---- benchmark driver: identical in every program of bench/programs/ ----
def _bench_driver():
    options = {"--iterations": 5, "--warmup": 1, "--size": DEFAULT_SIZE}
    args = sys.argv[1:]
    if len(args) % 2 or any(flag not in options for flag in args[::2]):
        print(f"usage: {sys.argv[0]} [--iterations K] [--warmup W] [--size S]", file=sys.stderr)
        sys.exit(2)
    for flag, value in zip(args[::2], args[1::2]):
        options[flag] = int(value)
    size, warmup = options["--size"], options["--warmup"]
    if size not in EXPECTED:
        print(f"{sys.argv[0]}: no EXPECTED result for size {size} (known: {sorted(EXPECTED)})",
              file=sys.stderr)
        sys.exit(1)
    for index in range(warmup + options["--iterations"]):
        start = time.perf_counter()
        result = main(size)
        seconds = time.perf_counter() - start
        if result != EXPECTED[size]:
            print(f"{sys.argv[0]}: WRONG RESULT for size {size}: got {result!r}, "
                  f"expected {EXPECTED[size]!r}", file=sys.stderr)
            sys.exit(1)
        print(f"@@bench iter={index} warmup={1 if index < warmup else 0} seconds={seconds:.9f}")
    print("@@bench result=ok")


if __name__ == "__main__":
    _bench_driver()
