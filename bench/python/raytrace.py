# Raytrace: a tiny Whitted-style ray tracer (spheres and a checkered plane,
# point lights with shadows, Phong highlights, mirror reflections) rendering a
# small image; prints a checksum and an ASCII thumbnail. Vector objects with
# operator overloading, float math, polymorphic intersection.
import math

EPS = 1e-6


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return Vec(self.y * o.z - self.z * o.y, self.z * o.x - self.x * o.z, self.x * o.y - self.y * o.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def norm(self):
        return self * (1.0 / self.length())

    def mul(self, o):
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse, specular, shininess, reflect, checker=False):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflect = reflect
        self.checker = checker

    def color_at(self, p):
        if self.checker and (math.floor(p.x) + math.floor(p.z)) % 2 == 1:
            return Vec(0.1, 0.1, 0.1)
        return self.color


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        s = math.sqrt(disc)
        t = -b - s
        if t > EPS:
            return t
        t = -b + s
        if t > EPS:
            return t
        return None

    def normal(self, p):
        return (p - self.center).norm()


class Plane:
    def __init__(self, point, normal_vec, material):
        self.point = point
        self.n = normal_vec.norm()
        self.material = material

    def intersect(self, ray):
        denom = self.n.dot(ray.direction)
        if abs(denom) < EPS:
            return None
        t = (self.point - ray.origin).dot(self.n) / denom
        return t if t > EPS else None

    def normal(self, p):
        return self.n


class Scene:
    def __init__(self):
        self.objects = []
        self.lights = []
        self.ambient = 0.08

    def nearest(self, ray):
        best_t = None
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = obj
        return best, best_t

    def shadowed(self, p, to_light, dist):
        ray = Ray(p, to_light)
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < dist:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            k = 0.5 * (ray.direction.y + 1.0)
            return Vec(0.6, 0.7, 0.9) * k + Vec(1.0, 1.0, 1.0) * (0.2 * (1.0 - k))
        p = ray.at(t)
        n = obj.normal(p)
        if n.dot(ray.direction) > 0:
            n = -n
        m = obj.material
        base = m.color_at(p)
        color = base * self.ambient
        for light_pos, light_color in self.lights:
            to_light = light_pos - p
            dist = to_light.length()
            to_light = to_light * (1.0 / dist)
            if self.shadowed(p + n * 1e-4, to_light, dist):
                continue
            lambert = n.dot(to_light)
            if lambert > 0:
                color = color + base.mul(light_color) * (m.diffuse * lambert)
                half = (to_light - ray.direction).norm()
                spec = n.dot(half)
                if spec > 0:
                    color = color + light_color * (m.specular * spec ** m.shininess)
        if m.reflect > 0 and depth < 3:
            d = ray.direction
            r = d - n * (2 * d.dot(n))
            color = color * (1 - m.reflect) + self.trace(Ray(p + n * 1e-4, r), depth + 1) * m.reflect
        return color


def build_scene():
    s = Scene()
    s.objects.append(Plane(Vec(0, 0, 0), Vec(0, 1, 0), Material(Vec(0.9, 0.9, 0.9), 0.8, 0.1, 10, 0.2, True)))
    s.objects.append(Sphere(Vec(0, 1, 3), 1.0, Material(Vec(0.9, 0.2, 0.2), 0.7, 0.5, 40, 0.3)))
    s.objects.append(Sphere(Vec(-2.2, 0.7, 4), 0.7, Material(Vec(0.2, 0.9, 0.3), 0.8, 0.3, 20, 0.1)))
    s.objects.append(Sphere(Vec(2.0, 0.5, 2.2), 0.5, Material(Vec(0.2, 0.3, 0.9), 0.6, 0.8, 80, 0.5)))
    s.objects.append(Sphere(Vec(0.8, 0.3, 1.2), 0.3, Material(Vec(0.9, 0.8, 0.1), 0.9, 0.2, 10, 0.0)))
    s.lights.append((Vec(-5, 8, -3), Vec(0.8, 0.8, 0.8)))
    s.lights.append((Vec(4, 5, -1), Vec(0.4, 0.35, 0.3)))
    return s


def render(scene, width, height):
    eye = Vec(0, 1.6, -3.5)
    target = Vec(0, 0.8, 2.5)
    forward = (target - eye).norm()
    right = Vec(0, 1, 0).cross(forward).norm()
    up = forward.cross(right)
    fov = math.tan(math.radians(30))
    aspect = width / height
    rows = []
    for j in range(height):
        row = []
        sy = (1 - 2 * (j + 0.5) / height) * fov
        for i in range(width):
            sx = (2 * (i + 0.5) / width - 1) * fov * aspect
            d = (forward + right * sx + up * sy).norm()
            c = scene.trace(Ray(eye, d), 0)
            row.append((min(255, int(c.x * 255)), min(255, int(c.y * 255)), min(255, int(c.z * 255))))
        rows.append(row)
    return rows


def main():
    width, height = 210, 140
    rows = render(build_scene(), width, height)
    checksum = 0
    for row in rows:
        for (r, g, b) in row:
            checksum = (checksum * 31 + r * 65536 + g * 256 + b) % 1000000007
    shades = " .:-=+*#%@"
    for j in range(0, height, 14):
        line = ""
        for i in range(0, width, 5):
            r, g, b = rows[j][i]
            line += shades[min(9, (r + g + b) * 10 // 766)]
        print(line)
    print(f"raytrace: {width}x{height} checksum={checksum}")


main()
