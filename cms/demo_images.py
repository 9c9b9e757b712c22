"""Decorative, text-free cover images for the demo catalog, drawn locally with Pillow.

Every cover shares one visual language, the vermilion walls, golden glazed tiles, ink and rice paper of
Jining's Confucian temples, and each theme adds its own motif. Shapes are drawn at twice the target size
and downscaled with LANCZOS, which anti-aliases every primitive at once.
"""

import io
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import pairwise

from PIL import Image, ImageColor, ImageDraw

VERMILION = "#A8322D"
VERMILION_BRIGHT = "#C0392B"
GOLD = "#E3B23C"
GOLD_DEEP = "#D4A017"
INK = "#2B2B2B"
RICE_PAPER = "#FBF5E6"
CELADON = "#5E8C7A"
# Secondary tones give each service category its own field colour while staying beside the core five.
INDIGO = "#3F5F7A"
PERSIMMON = "#C8693A"
PINE = "#2F5D50"
PLUM = "#7A3B57"
CHESTNUT = "#7B4A2A"
STONE = "#A39E94"
KAIMU_WOOD = "#D9B27C"
INKSTONE = "#3B3631"
NISHAN_OCHRE = "#A8843F"

SUPERSAMPLE = 2

Point = tuple[float, float]
Colour = str | tuple[int, ...]

# One 回 spiral in grid units (x to the right, y up from the band's baseline); modules repeat every period.
_FRET_SPIRAL: tuple[Point, ...] = ((0, 0), (0, 6), (6, 6), (6, 2), (2, 2), (2, 4), (4, 4))
_FRET_PERIOD = 8
_FRET_ROWS = 9


@dataclass(frozen=True)
class _Canvas:
    draw: ImageDraw.ImageDraw
    width: int
    height: int
    unit: float  # 1 % of the shorter side, so motifs keep their proportions at any size


Painter = Callable[[_Canvas, random.Random], None]
Pictogram = Callable[[ImageDraw.ImageDraw, Point, float, Colour, Colour], None]
CarvedMotif = Callable[[ImageDraw.ImageDraw, Point, float, Colour, float], None]


def render_cover(key: str, theme: str, size: tuple[int, int] = (1200, 800)) -> bytes:
    """PNG bytes of a decorative cover; deterministic for the same key and theme."""
    width, height = size
    image = Image.new("RGB", (width * SUPERSAMPLE, height * SUPERSAMPLE), RICE_PAPER)
    canvas = _Canvas(ImageDraw.Draw(image), image.width, image.height, min(image.size) / 100)
    # String seeds are hashed with SHA-512, so the variation survives restarts and PYTHONHASHSEED.
    rng = random.Random(f"{theme}/{key}")
    _PAINTERS.get(theme, _paint_neutral)(canvas, rng)
    buffer = io.BytesIO()
    image.resize(size, Image.Resampling.LANCZOS).save(buffer, format="PNG")
    return buffer.getvalue()


# Colour and geometry helpers -------------------------------------------------------------------------------


def _mix(colour: Colour, other: Colour, amount: float) -> tuple[int, ...]:
    start, end = _rgb(colour), _rgb(other)
    return tuple(round(a + (b - a) * amount) for a, b in zip(start, end, strict=True))


def _rgb(colour: Colour) -> tuple[int, ...]:
    return ImageColor.getrgb(colour) if isinstance(colour, str) else colour


def _px(value: float) -> int:
    """Stroke width in whole pixels; never zero, which Pillow would treat as 'no outline'."""
    return max(1, round(value))


def _lerp(start: Point, end: Point, amount: float) -> Point:
    return start[0] + (end[0] - start[0]) * amount, start[1] + (end[1] - start[1]) * amount


def _normal(start: Point, end: Point) -> Point:
    length = math.hypot(end[0] - start[0], end[1] - start[1])
    return (start[1] - end[1]) / length, (end[0] - start[0]) / length


def _shift(point: Point, direction: Point, distance: float) -> Point:
    return point[0] + direction[0] * distance, point[1] + direction[1] * distance


def _curve(start: Point, control: Point, end: Point, steps: int = 14) -> list[Point]:
    """Points along a quadratic Bézier curve."""
    points = []
    for step in range(steps + 1):
        t = step / steps
        points.append(_lerp(_lerp(start, control, t), _lerp(control, end, t), t))
    return points


def _ellipse_arc(centre: Point, radii: Point, start: float, end: float, steps: int = 48) -> list[Point]:
    """Points along an ellipse between two angles in degrees, measured clockwise from 3 o'clock like Pillow.

    Filled as a polygon this gives chords and slices; Pillow 13's chord() mis-fills boxes with fractional
    coordinates.
    """
    points = []
    for step in range(steps + 1):
        angle = math.radians(start + (end - start) * step / steps)
        points.append((centre[0] + radii[0] * math.cos(angle), centre[1] + radii[1] * math.sin(angle)))
    return points


def _disc(
    draw: ImageDraw.ImageDraw,
    centre: Point,
    radius: float,
    fill: Colour | None = None,
    outline: Colour | None = None,
    width: float = 1,
) -> None:
    x, y = centre
    draw.ellipse(
        (x - radius, y - radius, x + radius, y + radius), fill=fill, outline=outline, width=_px(width)
    )


def _bar(
    draw: ImageDraw.ImageDraw,
    start: Point,
    end: Point,
    thickness: float,
    fill: Colour,
    round_caps: bool = False,
) -> None:
    """A straight stroke at any angle, as a polygon so its corners stay sharp."""
    normal = _normal(start, end)
    half = thickness / 2
    corners = [_shift(start, normal, half), _shift(end, normal, half)]
    corners += [_shift(end, normal, -half), _shift(start, normal, -half)]
    draw.polygon(corners, fill=fill)
    if round_caps:
        _disc(draw, start, half, fill)
        _disc(draw, end, half, fill)


def _sparkle(draw: ImageDraw.ImageDraw, centre: Point, radius: float, fill: Colour) -> None:
    x, y = centre
    points = []
    for index in range(8):
        reach = radius if index % 2 == 0 else radius * 0.28
        angle = math.pi / 4 * index
        points.append((x + reach * math.sin(angle), y - reach * math.cos(angle)))
    draw.polygon(points, fill=fill)


def _diamond(
    draw: ImageDraw.ImageDraw, centre: Point, half_width: float, half_height: float, **style
) -> None:
    x, y = centre
    draw.polygon(
        [(x, y - half_height), (x + half_width, y), (x, y + half_height), (x - half_width, y)], **style
    )


def _fret_spiral(
    draw: ImageDraw.ImageDraw, origin: Point, grid: float, colour: Colour, stroke: float | None = None
) -> None:
    """One square 回 spiral, stroked one grid unit thick unless told; rectangles keep the corners square."""
    points = [(origin[0] + x * grid, origin[1] - y * grid) for x, y in _FRET_SPIRAL]
    half = (stroke or grid) / 2
    for (x0, y0), (x1, y1) in pairwise(points):
        draw.rectangle(
            (min(x0, x1) - half, min(y0, y1) - half, max(x0, x1) + half, max(y0, y1) + half), fill=colour
        )


# Shared architectural motifs -------------------------------------------------------------------------------


def _fret_band(
    canvas: _Canvas, top: float, height: float, colour: Colour, span: Sequence[float] = ()
) -> None:
    """回纹 band: two rules joined by a running row of square spirals, centred so both ends match."""
    left, right = span or (0, canvas.width)
    grid = height / _FRET_ROWS
    draw = canvas.draw
    draw.rectangle((left, top, right, top + grid), fill=colour)
    draw.rectangle((left, top + height - grid, right, top + height), fill=colour)
    period = grid * _FRET_PERIOD
    count = int((right - left - grid) // period)
    first = left + (right - left - count * period + grid) / 2 + grid / 2
    for index in range(count):
        _fret_spiral(draw, (first + index * period, top + height - grid / 2), grid, colour)


def _tile_eave(canvas: _Canvas, depth: float, rng: random.Random) -> None:
    """Golden glazed-tile eave seen from below along the top edge, with painted rafter ends under it."""
    draw, unit, width = canvas.draw, canvas.unit, canvas.width
    pitch = unit * rng.uniform(5, 6.5)
    draw.rectangle((0, 0, width, depth), fill=GOLD)
    rows = max(2, round(depth / (pitch * 0.9)))
    for row in range(rows):
        y = depth * row / rows
        x = -pitch * (row % 2) / 2
        while x < width:
            draw.arc(
                (x, y - pitch / 2, x + pitch, y + pitch / 2), 0, 180, fill=GOLD_DEEP, width=_px(unit * 0.45)
            )
            x += pitch
    rafter_depth = unit * 3
    draw.rectangle((0, depth, width, depth + rafter_depth), fill=INK)
    square = unit * 0.9
    x = pitch / 2
    while x < width + pitch:
        # Rafter ends are painted celadon between the round tile ends, as on Qufu's halls.
        draw.rectangle(
            (x - pitch / 2 - square, depth + unit * 0.9, x - pitch / 2 + square, depth + unit * 2.7),
            fill=CELADON,
        )
        _disc(draw, (x, depth), pitch * 0.36, fill=GOLD, outline=GOLD_DEEP, width=unit * 0.45)
        _disc(draw, (x, depth), pitch * 0.12, fill=GOLD_DEEP)
        x += pitch


def _tiled_wall(canvas: _Canvas, top: float, bottom: float, pitch: float) -> None:
    """A long vermilion courtyard wall under a golden tile coping."""
    draw, unit, width = canvas.draw, canvas.unit, canvas.width
    cap = unit * 4
    draw.rectangle((0, top, width, bottom), fill=VERMILION)
    draw.rectangle((0, top - cap, width, top), fill=GOLD)
    draw.rectangle((0, top - cap - unit * 1.2, width, top - cap), fill=INK)
    draw.rectangle((0, top, width, top + unit * 0.8), fill=_mix(VERMILION, INK, 0.35))
    x = pitch / 2
    while x < width:
        _disc(draw, (x, top), pitch * 0.3, fill=GOLD, outline=GOLD_DEEP, width=unit * 0.35)
        x += pitch


def _roof(
    draw: ImageDraw.ImageDraw,
    centre_x: float,
    eave_y: float,
    half_width: float,
    height: float,
    fill: Colour,
    ridge: Colour | None,
) -> None:
    """Hip roof in elevation: concave slopes sweeping out to upturned eave tips; ridge=None hides the ridge."""
    left, right = centre_x - half_width, centre_x + half_width
    tip_y = eave_y - height * 0.3
    ridge_y = eave_y - height
    ridge_half = half_width * 0.5
    outline = _curve(
        (left, tip_y), (centre_x - half_width * 0.8, eave_y), (centre_x - half_width * 0.5, eave_y)
    )
    outline += _curve(
        (centre_x + half_width * 0.5, eave_y), (centre_x + half_width * 0.8, eave_y), (right, tip_y)
    )
    outline += _curve(
        (right, tip_y),
        (centre_x + half_width * 0.62, eave_y - height * 0.3),
        (centre_x + ridge_half, ridge_y),
    )
    outline += _curve(
        (centre_x - ridge_half, ridge_y), (centre_x - half_width * 0.62, eave_y - height * 0.3), (left, tip_y)
    )
    draw.polygon(outline, fill=fill)
    if ridge is None:
        return
    ridge_height = height * 0.12
    draw.rectangle(
        (centre_x - ridge_half, ridge_y - ridge_height, centre_x + ridge_half, ridge_y), fill=ridge
    )
    for side in (-1, 1):
        # Ridge-end ornaments (chiwen) stand up and curl back towards the middle of the ridge.
        end_x = centre_x + side * ridge_half
        ornament = [
            (end_x + side * ridge_height * 0.4, ridge_y),
            (end_x - side * ridge_height * 1.2, ridge_y),
            (end_x - side * ridge_height * 1.4, ridge_y - ridge_height * 2.4),
            (end_x - side * ridge_height * 0.3, ridge_y - ridge_height * 1.6),
        ]
        draw.polygon(ornament, fill=ridge)


@dataclass(frozen=True)
class _HallColours:
    roof: Colour = GOLD
    ridge: Colour = INK
    wall: Colour = VERMILION
    doors: Colour = _mix(VERMILION, INK, 0.5)
    brackets: Colour = CELADON
    terrace: Colour = _mix(RICE_PAPER, STONE, 0.35)


# An ink silhouette keeps its doors and bracket band faintly lit so the storeys still read apart.
_SILHOUETTE = _HallColours(
    roof=INK, ridge=INK, wall=INK, doors=_mix(INK, VERMILION, 0.3), brackets=GOLD_DEEP, terrace=INK
)


def _hall(canvas: _Canvas, centre_x: float, base_y: float, width: float, colours: _HallColours) -> None:
    """Double-eaved hall after Qufu's Dacheng Hall: terrace, colonnade, bracket bands and two roofs."""
    draw = canvas.draw
    half = width / 2
    draw.rectangle(
        (centre_x - half * 0.92, base_y - width * 0.03, centre_x + half * 0.92, base_y), fill=colours.terrace
    )
    terrace_top = base_y - width * 0.055
    draw.rectangle(
        (centre_x - half * 0.84, terrace_top, centre_x + half * 0.84, base_y), fill=colours.terrace
    )
    wall_half, wall_top = half * 0.72, terrace_top - width * 0.11
    draw.rectangle((centre_x - wall_half, wall_top, centre_x + wall_half, terrace_top), fill=colours.wall)
    bays = 7
    bay = wall_half * 2 / bays
    for index in range(1, bays - 1):
        left = centre_x - wall_half + index * bay + bay * 0.14
        draw.rectangle((left, wall_top + width * 0.03, left + bay * 0.72, terrace_top), fill=colours.doors)
    draw.rectangle(
        (centre_x - wall_half, wall_top, centre_x + wall_half, wall_top + width * 0.02), fill=colours.brackets
    )
    lower_eave = wall_top + width * 0.01
    upper_eave = lower_eave - width * 0.1
    upper_half = half * 0.48
    draw.rectangle(
        (centre_x - upper_half, upper_eave, centre_x + upper_half, lower_eave - width * 0.03),
        fill=colours.wall,
    )
    draw.rectangle(
        (centre_x - upper_half, upper_eave, centre_x + upper_half, upper_eave + width * 0.018),
        fill=colours.brackets,
    )
    _roof(draw, centre_x, lower_eave, half, width * 0.1, colours.roof, None)
    _roof(draw, centre_x, upper_eave + width * 0.01, half * 0.7, width * 0.12, colours.roof, colours.ridge)


def _ripples(canvas: _Canvas, box: Sequence[float], colour: Colour, rng: random.Random) -> None:
    """Rows of short paired wave crests, the painters' shorthand for Weishan Lake."""
    left, top, right, bottom = box
    unit = canvas.unit
    row_gap = unit * 4.5
    y = top + row_gap / 2
    while y < bottom:
        x = left + rng.uniform(0, unit * 8)
        while x < right - unit * 6:
            span = unit * rng.uniform(5, 10)
            if x + span > right:
                break
            for layer in range(2):
                inset = span * 0.18 * layer
                lift = unit * 1.1 * layer
                crest = (x + inset, y - span * 0.16 + lift, x + span - inset, y + span * 0.16 + lift)
                canvas.draw.arc(crest, 200, 340, fill=colour, width=_px(unit * 0.5))
            x += span + unit * rng.uniform(3, 9)
        y += row_gap


def _sun(draw: ImageDraw.ImageDraw, centre: Point, radius: float, colours: Sequence[Colour]) -> None:
    for index, colour in enumerate(colours):
        _disc(draw, centre, radius * (1 - index / len(colours)), fill=colour)


def _seal(draw: ImageDraw.ImageDraw, centre: Point, size: float) -> None:
    """A vermilion seal with a fret device instead of characters."""
    x, y = centre
    half = size / 2
    draw.rounded_rectangle(
        (x - half, y - half, x + half, y + half), radius=size * 0.08, fill=VERMILION_BRIGHT
    )
    draw.rectangle(
        (x - half * 0.78, y - half * 0.78, x + half * 0.78, y + half * 0.78),
        outline=RICE_PAPER,
        width=_px(size * 0.05),
    )
    grid = size * 0.085
    _fret_spiral(draw, (x - grid * 3, y + grid * 3), grid, RICE_PAPER)


def _brush(draw: ImageDraw.ImageDraw, tip: Point, end: Point, thickness: float) -> None:
    """Writing brush: bamboo handle with nodes, an ink-loaded tip and a hanging loop."""
    normal = _normal(tip, end)
    neck = _lerp(tip, end, 0.22)
    _bar(draw, neck, end, thickness, _mix(GOLD_DEEP, CHESTNUT, 0.35), round_caps=True)
    for amount in (0.45, 0.7):
        node = _lerp(tip, end, amount)
        _bar(
            draw,
            _shift(node, normal, thickness * 0.55),
            _shift(node, normal, -thickness * 0.55),
            thickness * 0.2,
            CHESTNUT,
        )
    belly = _lerp(tip, end, 0.1)
    head = [
        tip,
        _shift(belly, normal, thickness * 0.75),
        _shift(neck, normal, thickness * 0.55),
        _shift(neck, normal, -thickness * 0.55),
        _shift(belly, normal, -thickness * 0.75),
    ]
    draw.polygon(head, fill=INK)
    _disc(draw, _lerp(tip, end, 1.06), thickness * 0.5, outline=CHESTNUT, width=thickness * 0.18)


# Service pictograms: drawn inside a rice-paper medallion of the given radius ------------------------------


def _draw_broom(
    draw: ImageDraw.ImageDraw, centre: Point, radius: float, primary: Colour, accent: Colour
) -> None:
    cx, cy = centre
    top, neck = (cx + 0.5 * radius, cy - 0.62 * radius), (cx - 0.05 * radius, cy + 0.08 * radius)
    _bar(draw, top, neck, 0.1 * radius, primary, round_caps=True)
    normal = _normal(top, neck)
    foot = _lerp(top, neck, 1.75)
    draw.polygon(
        [
            _shift(neck, normal, 0.14 * radius),
            _shift(foot, normal, 0.3 * radius),
            _shift(foot, normal, -0.3 * radius),
            _shift(neck, normal, -0.14 * radius),
        ],
        fill=primary,
    )
    for offset in (-0.14, 0, 0.14):
        _bar(
            draw,
            _shift(_lerp(top, neck, 1.2), normal, offset * 0.8 * radius),
            _shift(foot, normal, offset * 1.6 * radius),
            0.03 * radius,
            RICE_PAPER,
        )
    _bar(draw, _shift(neck, normal, 0.2 * radius), _shift(neck, normal, -0.2 * radius), 0.11 * radius, accent)
    _sparkle(draw, (cx + 0.42 * radius, cy + 0.3 * radius), 0.22 * radius, accent)
    _sparkle(draw, (cx + 0.18 * radius, cy + 0.62 * radius), 0.12 * radius, accent)
    _sparkle(draw, (cx - 0.48 * radius, cy - 0.3 * radius), 0.14 * radius, accent)


def _draw_snowflake(
    draw: ImageDraw.ImageDraw, centre: Point, radius: float, primary: Colour, accent: Colour
) -> None:
    cx, cy = centre
    for arm in range(6):
        angle = math.pi / 3 * arm
        direction = (math.sin(angle), -math.cos(angle))
        end = _shift(centre, direction, 0.72 * radius)
        _bar(draw, centre, end, 0.09 * radius, primary, round_caps=True)
        for along, length in ((0.42, 0.22), (0.62, 0.14)):
            fork = _shift(centre, direction, along * radius)
            for turn in (-1, 1):
                branch_angle = angle + turn * math.pi / 4
                tip = _shift(fork, (math.sin(branch_angle), -math.cos(branch_angle)), length * radius)
                _bar(draw, fork, tip, 0.07 * radius, primary, round_caps=True)
    hexagon = [
        (cx + 0.2 * radius * math.sin(math.pi / 3 * k), cy - 0.2 * radius * math.cos(math.pi / 3 * k))
        for k in range(6)
    ]
    draw.polygon(hexagon, fill=accent)
    _disc(draw, centre, 0.07 * radius, fill=RICE_PAPER)


def _draw_tools(
    draw: ImageDraw.ImageDraw, centre: Point, radius: float, primary: Colour, accent: Colour
) -> None:
    cx, cy = centre
    # Hammer first so the wrench crosses over it.
    grip, head_centre = (cx + 0.52 * radius, cy + 0.52 * radius), (cx - 0.3 * radius, cy - 0.3 * radius)
    _bar(draw, grip, head_centre, 0.11 * radius, accent, round_caps=True)
    normal = _normal(grip, head_centre)
    _bar(
        draw,
        _shift(head_centre, normal, -0.34 * radius),
        _shift(head_centre, normal, 0.22 * radius),
        0.2 * radius,
        primary,
    )
    tail, jaw = (cx - 0.5 * radius, cy + 0.5 * radius), (cx + 0.36 * radius, cy - 0.36 * radius)
    _bar(draw, tail, jaw, 0.14 * radius, primary, round_caps=True)
    _disc(draw, jaw, 0.22 * radius, fill=primary)
    opening = _lerp(tail, jaw, 1.32)
    _bar(draw, _lerp(tail, jaw, 1.12), opening, 0.13 * radius, RICE_PAPER)
    _disc(draw, _lerp(tail, jaw, 1.12), 0.065 * radius, fill=RICE_PAPER)
    _disc(draw, tail, 0.035 * radius, fill=RICE_PAPER)


def _draw_heart_and_cane(
    draw: ImageDraw.ImageDraw, centre: Point, radius: float, primary: Colour, accent: Colour
) -> None:
    cx, cy = centre
    heart_x, heart_y = cx - 0.14 * radius, cy - 0.12 * radius
    lobe = 0.21 * radius
    _disc(draw, (heart_x - lobe * 0.85, heart_y), lobe, fill=accent)
    _disc(draw, (heart_x + lobe * 0.85, heart_y), lobe, fill=accent)
    # Lower edges run along the lobes' 45-degree tangents, so the outline has no kinks.
    draw.polygon(
        [
            (heart_x - lobe * 1.557, heart_y + lobe * 0.707),
            (heart_x - lobe * 0.85, heart_y),
            (heart_x + lobe * 0.85, heart_y),
            (heart_x + lobe * 1.557, heart_y + lobe * 0.707),
            (heart_x, heart_y + lobe * 2.26),
        ],
        fill=accent,
    )
    # Two hands cupped either side of the heart.
    cup_centre, cup = (heart_x, heart_y + lobe * 0.7), lobe * 2.55
    cup_box = (cup_centre[0] - cup, cup_centre[1] - cup, cup_centre[0] + cup, cup_centre[1] + cup)
    for start, end in ((115, 185), (-5, 65)):
        draw.arc(cup_box, start, end, fill=primary, width=_px(0.09 * radius))
    cane_x = cx + 0.5 * radius
    hook = 0.13 * radius
    _bar(
        draw,
        (cane_x, cy - 0.36 * radius),
        (cane_x, cy + 0.66 * radius),
        0.08 * radius,
        primary,
        round_caps=True,
    )
    draw.arc(
        (cane_x - 2 * hook, cy - 0.36 * radius - hook, cane_x, cy - 0.36 * radius + hook),
        180,
        360,
        fill=primary,
        width=_px(0.08 * radius),
    )
    _disc(draw, (cane_x - 2 * hook + 0.04 * radius, cy - 0.36 * radius), 0.04 * radius, fill=primary)


def _draw_cross(
    draw: ImageDraw.ImageDraw, centre: Point, radius: float, primary: Colour, accent: Colour
) -> None:
    cx, cy = centre
    _disc(draw, centre, 0.66 * radius, outline=primary, width=0.06 * radius)
    arm, reach = 0.17 * radius, 0.46 * radius
    corner = 0.05 * radius
    draw.rounded_rectangle((cx - arm, cy - reach, cx + arm, cy + reach), radius=corner, fill=accent)
    draw.rounded_rectangle((cx - reach, cy - arm, cx + reach, cy + arm), radius=corner, fill=accent)


def _draw_scissors_and_comb(
    draw: ImageDraw.ImageDraw, centre: Point, radius: float, primary: Colour, accent: Colour
) -> None:
    cx, cy = centre
    pivot = (cx - 0.2 * radius, cy - 0.05 * radius)
    for side in (-1, 1):
        tip = (pivot[0] + side * 0.22 * radius, cy - 0.68 * radius)
        ring = (pivot[0] - side * 0.26 * radius, cy + 0.42 * radius)
        normal = _normal(tip, ring)
        blade_root = _lerp(tip, ring, 0.62)
        draw.polygon(
            [tip, _shift(blade_root, normal, 0.07 * radius), _shift(blade_root, normal, -0.07 * radius)],
            fill=primary,
        )
        _bar(draw, pivot, ring, 0.06 * radius, primary)
        _disc(draw, ring, 0.15 * radius, outline=primary, width=0.06 * radius)
    _disc(draw, pivot, 0.045 * radius, fill=accent)
    spine_left, spine_top, spine_bottom = cx + 0.3 * radius, cy - 0.52 * radius, cy + 0.52 * radius
    draw.rounded_rectangle(
        (spine_left, spine_top, spine_left + 0.13 * radius, spine_bottom), radius=0.04 * radius, fill=accent
    )
    teeth = 9
    for tooth in range(teeth):
        y = spine_top + 0.03 * radius + tooth * (spine_bottom - spine_top - 0.1 * radius) / (teeth - 1)
        draw.rectangle(
            (spine_left + 0.1 * radius, y, spine_left + 0.34 * radius, y + 0.045 * radius), fill=accent
        )


def _draw_dumbbell(
    draw: ImageDraw.ImageDraw, centre: Point, radius: float, primary: Colour, accent: Colour
) -> None:
    cx, cy = centre
    draw.rectangle(
        (cx - 0.62 * radius, cy - 0.045 * radius, cx + 0.62 * radius, cy + 0.045 * radius), fill=primary
    )
    for side in (-1, 1):
        for offset, half_width, half_height in ((0.3, 0.06, 0.34), (0.44, 0.055, 0.24)):
            x = cx + side * offset * radius
            draw.rounded_rectangle(
                (
                    x - half_width * radius,
                    cy - half_height * radius,
                    x + half_width * radius,
                    cy + half_height * radius,
                ),
                radius=0.03 * radius,
                fill=primary,
            )
    draw.rounded_rectangle(
        (cx - 0.13 * radius, cy - 0.07 * radius, cx + 0.13 * radius, cy + 0.07 * radius),
        radius=0.03 * radius,
        fill=accent,
    )
    for side in (-1, 1):
        _bar(
            draw,
            (cx + side * 0.2 * radius, cy - 0.5 * radius),
            (cx + side * 0.08 * radius, cy - 0.3 * radius),
            0.05 * radius,
            accent,
            round_caps=True,
        )
    _bar(draw, (cx, cy - 0.56 * radius), (cx, cy - 0.33 * radius), 0.05 * radius, accent, round_caps=True)


def _draw_bowl(
    draw: ImageDraw.ImageDraw, centre: Point, radius: float, primary: Colour, accent: Colour
) -> None:
    cx, cy = centre
    rim_y, bowl = cy + 0.02 * radius, 0.56 * radius
    draw.polygon(_ellipse_arc((cx, rim_y), (bowl, bowl * 0.9), 0, 180), fill=primary)
    draw.rectangle(
        (cx - 0.2 * radius, rim_y + bowl * 0.86, cx + 0.2 * radius, rim_y + bowl * 0.98), fill=primary
    )
    draw.rounded_rectangle(
        (cx - bowl * 1.06, rim_y - 0.05 * radius, cx + bowl * 1.06, rim_y + 0.05 * radius),
        radius=0.05 * radius,
        fill=accent,
    )
    _bar(
        draw,
        (cx + 0.26 * radius, rim_y - 0.08 * radius),
        (cx + 0.66 * radius, cy - 0.52 * radius),
        0.04 * radius,
        accent,
        round_caps=True,
    )
    _bar(
        draw,
        (cx + 0.34 * radius, rim_y - 0.06 * radius),
        (cx + 0.74 * radius, cy - 0.42 * radius),
        0.04 * radius,
        accent,
        round_caps=True,
    )
    for offset in (-0.3, -0.08, 0.14):
        wisp = [
            (
                cx + offset * radius + 0.06 * radius * math.sin(step * 0.9),
                rim_y - 0.16 * radius - step * 0.055 * radius,
            )
            for step in range(9)
        ]
        draw.line(wisp, fill=primary, width=_px(0.05 * radius), joint="curve")


# Theme painters ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _ServiceStyle:
    field: Colour
    accent: Colour
    pictogram: Pictogram


def _paint_service(canvas: _Canvas, rng: random.Random, style: _ServiceStyle) -> None:
    """Category cover: coloured field under a tile eave, the pictogram in a medallion, calm water opposite."""
    draw, unit, width, height = canvas.draw, canvas.unit, canvas.width, canvas.height
    draw.rectangle((0, 0, width, height), fill=style.field)
    eave = unit * rng.uniform(10, 14)
    band_top = height - unit * 11
    on_left = rng.random() < 0.5
    radius = unit * rng.uniform(25, 28)
    centre = (width * (0.3 if on_left else 0.7) + unit * rng.uniform(-4, 4), (eave + unit * 3 + band_top) / 2)
    tint = _mix(style.field, RICE_PAPER, 0.1)
    for ring in range(1, 4):
        _disc(draw, centre, radius * (1 + 0.28 * ring), outline=tint, width=unit * 0.5)
    calm_left, calm_right = (width * 0.56, width - unit * 6) if on_left else (unit * 6, width * 0.44)
    sun = (rng.uniform(calm_left + unit * 8, calm_right - unit * 8), eave + unit * rng.uniform(14, 20))
    _sun(draw, sun, unit * 5.5, [GOLD, _mix(GOLD, RICE_PAPER, 0.35)])
    _ripples(
        canvas,
        (calm_left, band_top - unit * 26, calm_right, band_top - unit * 3),
        _mix(style.field, RICE_PAPER, 0.3),
        rng,
    )
    _tile_eave(canvas, eave, rng)
    draw.rectangle((0, band_top, width, height), fill=_mix(style.field, INK, 0.3))
    _fret_band(canvas, band_top + unit * 2, unit * 7, GOLD)
    _disc(draw, centre, radius * 1.07, fill=GOLD)
    _disc(draw, centre, radius, fill=RICE_PAPER)
    _disc(draw, centre, radius * 0.93, outline=_mix(style.field, RICE_PAPER, 0.55), width=unit * 0.35)
    style.pictogram(draw, centre, radius * 0.9, style.field, style.accent)


def _paint_culture(canvas: _Canvas, rng: random.Random) -> None:
    """Moon gate in a vermilion temple wall, opening on lake water and a distant hall."""
    draw, unit, width, height = canvas.draw, canvas.unit, canvas.width, canvas.height
    draw.rectangle((0, 0, width, height), fill=VERMILION)
    eave = unit * rng.uniform(10, 13)
    band_top = height - unit * 11
    radius = unit * 31
    cx, cy = width * rng.uniform(0.36, 0.64), (eave + unit * 3 + band_top) / 2
    _disc(draw, (cx, cy), radius * 1.1, fill=_mix(VERMILION, INK, 0.3))
    _disc(draw, (cx, cy), radius * 1.04, fill=GOLD)
    _disc(draw, (cx, cy), radius, fill=RICE_PAPER)
    horizon = cy + radius * 0.3
    _sun(
        draw,
        (cx + radius * rng.uniform(-0.45, 0.45), cy - radius * 0.45),
        radius * 0.14,
        [GOLD, _mix(GOLD, RICE_PAPER, 0.3)],
    )
    _hall(canvas, cx + radius * rng.uniform(-0.2, 0.2), horizon, radius * 1.1, _SILHOUETTE)
    angle = math.degrees(math.asin(0.3))
    draw.polygon(_ellipse_arc((cx, cy), (radius, radius), angle, 180 - angle), fill=CELADON)
    # The rectangle inscribed in the water keeps every ripple inside the gate.
    _ripples(
        canvas,
        (cx - radius * 0.7, horizon + unit, cx + radius * 0.7, cy + radius * 0.7),
        _mix(CELADON, RICE_PAPER, 0.45),
        rng,
    )
    _tile_eave(canvas, eave, rng)
    draw.rectangle((0, band_top, width, height), fill=_mix(VERMILION, INK, 0.35))
    _fret_band(canvas, band_top + unit * 2, unit * 7, GOLD)


def _paint_confucius(canvas: _Canvas, rng: random.Random) -> None:
    """Ink silhouette of the Dacheng Hall before a sun of concentric rings, gold fading into vermilion."""
    draw, unit, width, height = canvas.draw, canvas.unit, canvas.width, canvas.height
    ground = height - unit * 14
    centre = (width * rng.uniform(0.3, 0.7), ground - unit * 40)
    sun_radius = unit * rng.uniform(40, 44)
    rings = rng.randint(6, 8)
    colours = [_mix(GOLD, RICE_PAPER, 0.75 - 0.75 * index / (rings - 3)) for index in range(rings - 2)]
    for index in range(1, 4):
        _disc(
            draw,
            centre,
            sun_radius + index * unit * 4,
            outline=_mix(GOLD, RICE_PAPER, 0.4 + 0.15 * index),
            width=unit * 0.4,
        )
    _sun(draw, centre, sun_radius, colours + [VERMILION_BRIGHT, VERMILION])
    _hall(canvas, centre[0], ground, unit * rng.uniform(80, 90), _SILHOUETTE)
    draw.rectangle((0, ground, width, height), fill=VERMILION)
    _fret_band(canvas, ground + unit * 3.5, unit * 7, GOLD)


def _paint_mencius(canvas: _Canvas, rng: random.Random) -> None:
    """A memorial archway (paifang) of the Mencius Temple under a full moon, reflected in still water."""
    draw, unit, width, height = canvas.draw, canvas.unit, canvas.width, canvas.height
    horizon = height * 0.74
    draw.rectangle((0, 0, width, height), fill=_mix(CELADON, RICE_PAPER, 0.25))
    draw.rectangle((0, horizon, width, height), fill=CELADON)
    centre_x = width * rng.uniform(0.42, 0.58)
    moon_side = -1 if centre_x > width / 2 else 1
    _disc(draw, (centre_x + moon_side * unit * rng.uniform(52, 56), unit * 17), unit * 9, fill=RICE_PAPER)
    span = unit * rng.uniform(34, 38)
    pillar, pillar_top = unit * 2.8, horizon - unit * 40
    pillars = (-1, -0.36, 0.36, 1)
    for position in pillars:
        x = centre_x + position * span
        draw.rectangle((x - pillar / 2, pillar_top, x + pillar / 2, horizon), fill=INK)
        draw.rectangle((x - pillar, horizon - unit * 4, x + pillar, horizon), fill=_mix(INK, STONE, 0.4))
    # The middle bay rises above the side bays and carries the (blank) name plaque.
    plaque_top = pillar_top - unit * 6
    draw.rectangle(
        (centre_x - span * 0.36, plaque_top, centre_x + span * 0.36, pillar_top + unit * 4), fill=INK
    )
    draw.rectangle(
        (centre_x - span * 0.22, plaque_top + unit * 1.5, centre_x + span * 0.22, pillar_top + unit * 3),
        fill=GOLD,
    )
    for beam_y, beam_height in ((pillar_top + unit * 4, unit * 4.5), (pillar_top + unit * 12, unit * 3)):
        draw.rectangle(
            (centre_x - span - pillar, beam_y, centre_x + span + pillar, beam_y + beam_height), fill=VERMILION
        )
        draw.rectangle(
            (centre_x - span * 0.3, beam_y + unit, centre_x + span * 0.3, beam_y + beam_height - unit),
            fill=GOLD,
        )
    for side in (-1, 1):
        _roof(draw, centre_x + side * span * 0.68, pillar_top + unit * 4, span * 0.36, unit * 7, GOLD, INK)
    _roof(draw, centre_x, plaque_top + unit, span * 0.5, unit * 9, GOLD, INK)
    reflection = _mix(CELADON, INK, 0.2)
    for position in pillars:
        x = centre_x + position * span
        draw.rectangle((x - pillar / 2, horizon + unit, x + pillar / 2, horizon + unit * 12), fill=reflection)
    _ripples(
        canvas,
        (unit * 4, horizon + unit * 2, width - unit * 4, height - unit * 10),
        _mix(CELADON, RICE_PAPER, 0.45),
        rng,
    )
    draw.rectangle((0, height - unit * 9, width, height), fill=_mix(CELADON, INK, 0.5))
    _fret_band(canvas, height - unit * 7.5, unit * 6, GOLD)


def _paint_lu_brocade(canvas: _Canvas, rng: random.Random) -> None:
    """鲁锦 hand-woven brocade: mirrored bands of stripes, checks and diamonds around a large diamond band."""
    draw, unit, width, height = canvas.draw, canvas.unit, canvas.width, canvas.height
    threads = [VERMILION, INDIGO, GOLD, INK, CELADON]
    rng.shuffle(threads)
    main, second, third = threads[:3]
    draw.rectangle((0, 0, width, height), fill=RICE_PAPER)
    centre_height = unit * rng.uniform(34, 42)
    centre_top = (height - centre_height) / 2
    cell = unit * rng.uniform(2.6, 3.4)

    def outer_bands(top: float, direction: int) -> None:
        y = top
        for colour in (main, second, main):
            draw.rectangle(
                (0, min(y, y + direction * unit * 2), width, max(y, y + direction * unit * 2)), fill=colour
            )
            y += direction * unit * 3
        for row in range(2):
            row_top = min(y, y + direction * cell) + direction * row * cell
            for column in range(math.ceil(width / cell)):
                if (row + column) % 2 == 0:
                    draw.rectangle((column * cell, row_top, (column + 1) * cell, row_top + cell), fill=third)
        y += direction * (cell * 2 + unit * 2)
        half = unit * 3.2
        row_centre = y + direction * half
        for index in range(math.ceil(width / (half * 2)) + 1):
            _diamond(draw, (index * half * 2, row_centre), half, half, fill=main if index % 2 else second)
        y += direction * (half * 2 + unit * 1.5)
        draw.rectangle((0, min(y, y + direction * unit), width, max(y, y + direction * unit)), fill=INK)

    outer_bands(0, 1)
    outer_bands(height, -1)
    draw.rectangle((0, centre_top, width, centre_top + centre_height), fill=main)
    big = centre_height / 2 - unit * 2
    step = big * 2
    offset = (width / 2) % step - step
    for index in range(math.ceil(width / step) + 2):
        x = offset + index * step
        _diamond(draw, (x, height / 2), big, big, fill=RICE_PAPER)
        _diamond(draw, (x, height / 2), big * 0.72, big * 0.72, fill=second)
        _diamond(draw, (x, height / 2), big * 0.46, big * 0.46, fill=third)
        _diamond(draw, (x, height / 2), big * 0.2, big * 0.2, fill=RICE_PAPER)
        _diamond(draw, (x + step / 2, height / 2), big * 0.16, big * 0.16, fill=third)


def _paint_stone_carving(canvas: _Canvas, rng: random.Random) -> None:
    """Han-style relief blocks (Jiaxiang's Wu Family Shrines): bevelled stones with incised motifs."""
    draw, unit, width, height = canvas.draw, canvas.unit, canvas.width, canvas.height
    draw.rectangle((0, 0, width, height), fill=_mix(STONE, INK, 0.55))
    band_top = height - unit * 10
    columns = rng.choice((3, 4))
    gap, margin = unit * 3, unit * 5
    block_width = (width - 2 * margin - (columns - 1) * gap) / columns
    block_height = (band_top - 2 * margin + unit - gap) / 2
    motifs = [_carve_rings, _carve_fret, _carve_diamonds, _carve_clouds, _carve_sun]
    rng.shuffle(motifs)
    for row in range(2):
        for column in range(columns):
            left = margin + column * (block_width + gap)
            top = margin + row * (block_height + gap)
            motif = motifs[(row * columns + column) % len(motifs)]
            _relief_block(canvas, (left, top, left + block_width, top + block_height), motif, rng)
    draw.rectangle((0, band_top, width, height), fill=VERMILION)
    _fret_band(canvas, band_top + unit * 2, unit * 6, GOLD)


def _relief_block(canvas: _Canvas, box: Sequence[float], motif: CarvedMotif, rng: random.Random) -> None:
    draw, unit = canvas.draw, canvas.unit
    left, top, right, bottom = box
    bevel = unit * 1.4
    light, dark = _mix(STONE, RICE_PAPER, 0.45), _mix(STONE, INK, 0.35)
    draw.rectangle(box, fill=dark)
    draw.polygon(
        [
            (left, top),
            (right, top),
            (right - bevel, top + bevel),
            (left + bevel, bottom - bevel),
            (left, bottom),
        ],
        fill=light,
    )
    draw.rectangle((left + bevel, top + bevel, right - bevel, bottom - bevel), fill=STONE)
    panel = (left + bevel * 2.5, top + bevel * 2.5, right - bevel * 2.5, bottom - bevel * 2.5)
    draw.rectangle(panel, fill=_mix(STONE, INK, 0.12))
    for _ in range(rng.randint(8, 14)):
        x = rng.uniform(panel[0] + unit, panel[2] - unit * 3)
        y = rng.uniform(panel[1] + unit * 2, panel[3] - unit)
        draw.line((x, y, x + unit * 1.6, y - unit * 1.2), fill=_mix(STONE, INK, 0.2), width=_px(unit * 0.25))
    centre = ((panel[0] + panel[2]) / 2, (panel[1] + panel[3]) / 2)
    size = min(panel[2] - panel[0], panel[3] - panel[1]) * 0.36
    # Incised lines: a pale lower-right lip under a dark cut reads as chiselled into the stone.
    lip = unit * 0.35
    motif(draw, (centre[0] + lip, centre[1] + lip), size, light, unit)
    motif(draw, centre, size, _mix(STONE, INK, 0.6), unit)


def _carve_rings(draw: ImageDraw.ImageDraw, centre: Point, size: float, colour: Colour, unit: float) -> None:
    for scale in (1, 0.66, 0.32):
        _disc(draw, centre, size * scale, outline=colour, width=unit * 0.7)


def _carve_fret(draw: ImageDraw.ImageDraw, centre: Point, size: float, colour: Colour, unit: float) -> None:
    grid = size / 3
    _fret_spiral(draw, (centre[0] - grid * 3, centre[1] + grid * 3), grid, colour, stroke=unit * 0.7)


def _carve_diamonds(
    draw: ImageDraw.ImageDraw, centre: Point, size: float, colour: Colour, unit: float
) -> None:
    for scale in (1, 0.6):
        _diamond(draw, centre, size * scale * 1.3, size * scale, outline=colour, width=_px(unit * 0.7))
    _disc(draw, centre, size * 0.12, fill=colour)


def _carve_clouds(draw: ImageDraw.ImageDraw, centre: Point, size: float, colour: Colour, unit: float) -> None:
    x, y = centre
    for side in (-1, 1):
        for scale in (0.55, 0.3):
            curl = size * scale
            box = (x + side * size * 0.5 - curl, y - curl, x + side * size * 0.5 + curl, y + curl)
            draw.arc(
                box, 90 if side < 0 else -90, 360 if side < 0 else 180, fill=colour, width=_px(unit * 0.7)
            )
    draw.line(
        (x - size * 1.2, y + size * 0.55, x + size * 1.2, y + size * 0.55), fill=colour, width=_px(unit * 0.7)
    )


def _carve_sun(draw: ImageDraw.ImageDraw, centre: Point, size: float, colour: Colour, unit: float) -> None:
    _disc(draw, centre, size * 0.42, outline=colour, width=unit * 0.7)
    for ray in range(12):
        angle = math.pi / 6 * ray
        direction = (math.cos(angle), math.sin(angle))
        draw.line(
            (_shift(centre, direction, size * 0.62), _shift(centre, direction, size)),
            fill=colour,
            width=_px(unit * 0.7),
        )


def _paint_kaimu_carving(canvas: _Canvas, rng: random.Random) -> None:
    """楷木 (Pistacia) carving from Qufu: a carved ruyi sceptre lying on wood grain."""
    draw, unit, width, height = canvas.draw, canvas.unit, canvas.width, canvas.height
    draw.rectangle((0, 0, width, height), fill=CHESTNUT)
    knot = (width * rng.uniform(0.1, 0.9), height * rng.uniform(-0.4, -0.1))
    grain = _mix(CHESTNUT, INK, 0.18)
    for ring in range(1, 22):
        reach = unit * ring * rng.uniform(5.5, 6.5)
        draw.ellipse(
            (knot[0] - reach * 2.2, knot[1] - reach, knot[0] + reach * 2.2, knot[1] + reach),
            outline=grain,
            width=_px(unit * 0.35),
        )
    band_top = height - unit * 10
    tail = (width * rng.uniform(0.2, 0.3), band_top - unit * 10)
    head = (width * rng.uniform(0.66, 0.74), unit * 26)
    bend = (width * 0.5, height * rng.uniform(0.55, 0.7))
    handle = _curve(tail, bend, head, steps=24)
    carved = _mix(CHESTNUT, INK, 0.45)
    draw.line(handle, fill=carved, width=_px(unit * 6.4), joint="curve")
    draw.line(handle, fill=KAIMU_WOOD, width=_px(unit * 5), joint="curve")
    draw.line(handle, fill=_mix(KAIMU_WOOD, CHESTNUT, 0.35), width=_px(unit * 0.5))
    _disc(draw, handle[12], unit * 4.2, fill=KAIMU_WOOD, outline=carved, width=unit * 0.6)
    _disc(draw, handle[12], unit * 2.2, fill=CELADON)
    _ruyi_cloud(draw, tail, unit * 4.5, carved)
    _ruyi_cloud(draw, head, unit * 11, carved)
    draw.rectangle((0, band_top, width, height), fill=_mix(CHESTNUT, INK, 0.45))
    _fret_band(canvas, band_top + unit * 2, unit * 6, GOLD)


def _ruyi_cloud(draw: ImageDraw.ImageDraw, centre: Point, size: float, carved: Colour) -> None:
    """The lingzhi-cloud head of a ruyi: three lobes over a point, with carved scroll lines."""
    x, y = centre
    lobes = [(x - size * 0.55, y), (x + size * 0.55, y), (x, y - size * 0.45)]
    for colour, grow in ((carved, size * 0.1), (KAIMU_WOOD, 0)):
        for lobe in lobes:
            _disc(draw, lobe, size * 0.58 + grow, fill=colour)
        draw.polygon(
            [
                (x - size * 1.1 - grow, y + size * 0.15),
                (x + size * 1.1 + grow, y + size * 0.15),
                (x, y + size * 1.05 + grow),
            ],
            fill=colour,
        )
    for lobe in lobes:
        draw.arc(
            (lobe[0] - size * 0.3, lobe[1] - size * 0.3, lobe[0] + size * 0.3, lobe[1] + size * 0.3),
            120,
            420,
            fill=carved,
            width=_px(size * 0.08),
        )


def _paint_nishan_inkstone(canvas: _Canvas, rng: random.Random) -> None:
    """Nishan inkstone: square body, round grinding face with a crescent ink pool ("round heaven, square
    earth"), carved corner scrolls, the stone's ochre veins, a brush and a seal."""
    draw, unit, width, height = canvas.draw, canvas.unit, canvas.width, canvas.height
    draw.rectangle((0, 0, width, height), fill=RICE_PAPER)
    cx, cy = width * rng.uniform(0.38, 0.46), height * 0.47
    half = unit * 31
    shadow = unit * 1.8
    draw.rounded_rectangle(
        (cx - half + shadow, cy - half + shadow, cx + half + shadow, cy + half + shadow),
        radius=unit * 5,
        fill=_mix(RICE_PAPER, INK, 0.14),
    )
    rim_colour = _mix(INKSTONE, RICE_PAPER, 0.2)
    draw.rounded_rectangle((cx - half, cy - half, cx + half, cy + half), radius=unit * 5, fill=rim_colour)
    face = half - unit * 3
    draw.rounded_rectangle((cx - face, cy - face, cx + face, cy + face), radius=unit * 3, fill=INKSTONE)
    carved = _mix(INKSTONE, RICE_PAPER, 0.14)
    for x_side in (-1, 1):
        for y_side in (-1, 1):
            corner = (cx + x_side * unit * 22, cy + y_side * unit * 22)
            for scale in (1, 0.5):
                _disc(draw, corner, unit * 3.2 * scale, outline=carved, width=unit * 0.5)
    _disc(draw, (cx, cy), unit * 25.5, outline=carved, width=unit * 0.5)
    _disc(draw, (cx, cy), unit * 24, fill=INK)
    _disc(draw, (cx, cy + unit * 4), unit * 22, fill=_mix(INKSTONE, RICE_PAPER, 0.06))
    glint = unit * 21
    draw.arc(
        (cx - glint, cy - glint, cx + glint, cy + glint),
        235,
        275,
        fill=_mix(INK, RICE_PAPER, 0.45),
        width=_px(unit * 0.6),
    )
    # Nishan stone is prized for its yellow "moth-wing" veins.
    for _ in range(rng.randint(3, 5)):
        x = rng.uniform(cx - unit * 14, cx + unit * 4)
        y = rng.uniform(cy + unit * 2, cy + unit * 16)
        span = unit * rng.uniform(5, 10)
        draw.arc((x, y, x + span, y + span * 0.4), 190, 340, fill=NISHAN_OCHRE, width=_px(unit * 0.5))
    brush_x = cx + half + unit * rng.uniform(10, 16)
    _brush(draw, (brush_x - unit * 6, cy + unit * 30), (brush_x + unit * 8, cy - unit * 30), unit * 2.6)
    _seal(draw, (width - unit * rng.uniform(14, 20), height - unit * 20), unit * 8)
    _fret_band(canvas, height - unit * 10, unit * 5, VERMILION)


def _paint_rubbing(canvas: _Canvas, rng: random.Random) -> None:
    """Ink rubbing (拓片) of a round-headed stele: mottled ink, with the carving left as pale paper."""
    draw, unit, width, height = canvas.draw, canvas.unit, canvas.width, canvas.height
    paper = _mix(RICE_PAPER, STONE, 0.12)
    draw.rectangle((0, 0, width, height), fill=paper)
    cx = width * rng.uniform(0.42, 0.58)
    half, head = unit * 30, unit * 21
    top, bottom = unit * 6, height - unit * 6
    stele = _ellipse_arc((cx, top + head), (half, head), 180, 360) + [
        (cx + half, bottom),
        (cx - half, bottom),
    ]
    draw.polygon(stele, fill=INK)
    # Dabbing the ink pad leaves a soft mottle.
    for _ in range(240):
        blot = unit * rng.uniform(0.4, 1.8)
        x = rng.uniform(cx - half + blot, cx + half - blot)
        y = rng.uniform(top + head, bottom - blot)
        draw.ellipse(
            (x - blot, y - blot * 0.6, x + blot, y + blot * 0.6),
            fill=_mix(INK, RICE_PAPER, rng.uniform(0.03, 0.07)),
        )
    cut = _mix(RICE_PAPER, INK, 0.1)
    line = _px(unit * 0.6)
    inset = unit * 3
    frame = _ellipse_arc((cx, top + head), (half - inset, head - inset), 180, 360)
    frame += [(cx + half - inset, bottom - inset), (cx - half + inset, bottom - inset), frame[0]]
    draw.line(frame, fill=cut, width=line)
    _carve_clouds(draw, (cx, top + head * 0.62), unit * 6, cut, unit)
    inner_left, inner_right = cx - half + inset * 2, cx + half - inset * 2
    _fret_band(canvas, top + head + unit * 2, unit * 4.5, cut, span=(inner_left, inner_right))
    # A grain-pattern bi disc (谷纹璧): rings of small raised dots around a central hole.
    bi_centre, bi_radius, hole = (cx, top + head + unit * 27), unit * 17, unit * 6
    _disc(draw, bi_centre, bi_radius, outline=cut, width=unit * 0.7)
    _disc(draw, bi_centre, hole, outline=cut, width=unit * 0.7)
    spacing = unit * 3.2
    for row in range(-6, 7):
        for column in range(-6, 7):
            x = bi_centre[0] + (column + (row % 2) / 2) * spacing
            y = bi_centre[1] + row * spacing * 0.87
            if hole + unit * 1.6 < math.hypot(x - bi_centre[0], y - bi_centre[1]) < bi_radius - unit * 1.6:
                _disc(draw, (x, y), unit * 0.7, fill=cut)
    diamond_y, step = bottom - inset - unit * 5, unit * 6
    count = int((inner_right - inner_left) // step)
    first_x = cx - (count - 1) * step / 2
    for index in range(count):
        _diamond(
            draw,
            (first_x + index * step, diamond_y),
            step * 0.4,
            unit * 2.4,
            outline=cut,
            width=_px(unit * 0.5),
        )
    _seal(draw, (cx + rng.choice((-1, 1)) * (half + unit * 10), bottom - unit * 8), unit * 8)


def _paint_calligraphy(canvas: _Canvas, rng: random.Random) -> None:
    """Practice sheet: a vermilion 米字格 grid holding one sweeping ink circle, with brush and seal."""
    draw, unit, width, height = canvas.draw, canvas.unit, canvas.width, canvas.height
    draw.rectangle((0, 0, width, height), fill=RICE_PAPER)
    side = unit * 64
    left = width * rng.uniform(0.16, 0.26)
    top = (height - side) / 2
    right, bottom = left + side, top + side
    guide = _mix(VERMILION, RICE_PAPER, 0.45)
    dash = unit * 1.6
    for start, end in (
        ((left, top), (right, bottom)),
        ((right, top), (left, bottom)),
        ((left + side / 2, top), (left + side / 2, bottom)),
        ((left, top + side / 2), (right, top + side / 2)),
    ):
        length = math.hypot(end[0] - start[0], end[1] - start[1])
        dashes = max(1, round(length / (dash * 2)))
        for index in range(dashes):
            dash_start, dash_end = (
                _lerp(start, end, index / dashes),
                _lerp(start, end, (index + 0.5) / dashes),
            )
            _bar(draw, dash_start, dash_end, unit * 0.3, guide)
    draw.rectangle((left, top, right, bottom), outline=VERMILION, width=_px(unit * 0.7))
    centre = (left + side / 2, top + side / 2)
    radius = side * 0.33
    start_angle = rng.uniform(0, 360)
    sweep = rng.uniform(300, 335)
    steps = 180
    for step in range(steps):
        progress = step / steps
        angle = math.radians(start_angle + sweep * progress)
        wobble = radius * 0.03 * math.sin(progress * 9)
        point = _shift(centre, (math.cos(angle), math.sin(angle)), radius + wobble)
        _disc(draw, point, unit * (4.2 - 3 * progress**1.5), fill=INK)
    # Dry-brush streaks where the ink runs out near the end of the stroke.
    for offset in (-0.6, 0.2, 0.9):
        reach = radius + unit * offset
        draw.arc(
            (centre[0] - reach, centre[1] - reach, centre[0] + reach, centre[1] + reach),
            start_angle + sweep * 0.78,
            start_angle + sweep,
            fill=RICE_PAPER,
            width=_px(unit * 0.3),
        )
    brush_x = right + (width - right) * rng.uniform(0.45, 0.55)
    _brush(draw, (brush_x - unit * 8, bottom), (brush_x + unit * 8, top + unit * 2), unit * 2.6)
    _seal(draw, (right - unit * 6, bottom + unit * 7), unit * 7)


def _paint_home(canvas: _Canvas, rng: random.Random) -> None:
    """Panorama: golden sun, temple hall behind a tiled vermilion wall, Weishan Lake in the foreground."""
    draw, unit, width, height = canvas.draw, canvas.unit, canvas.width, canvas.height
    draw.rectangle((0, 0, width, height), fill=RICE_PAPER)
    wall_top, lake_top, band_top = height * 0.56, height * 0.72, height - unit * 10
    hall_x = width * rng.uniform(0.38, 0.62)
    sun_side = -1 if hall_x > width / 2 else 1
    sun = (hall_x + sun_side * unit * rng.uniform(50, 56), unit * rng.uniform(18, 24))
    _sun(draw, sun, unit * 10, [_mix(GOLD, RICE_PAPER, 0.55), GOLD, VERMILION_BRIGHT])
    # The terrace hides behind the coping so the colonnade rises just above the wall.
    _hall(canvas, hall_x, wall_top - unit * 3, unit * rng.uniform(84, 94), _HallColours())
    _tiled_wall(canvas, wall_top, lake_top, unit * 5)
    draw.rectangle((0, lake_top, width, band_top), fill=CELADON)
    _ripples(
        canvas,
        (unit * 3, lake_top + unit, width - unit * 3, band_top - unit * 2),
        _mix(CELADON, RICE_PAPER, 0.45),
        rng,
    )
    draw.rectangle((0, band_top, width, height), fill=INK)
    _fret_band(canvas, band_top + unit * 2, unit * 6, GOLD)


def _paint_page(canvas: _Canvas, rng: random.Random) -> None:
    """Quiet rice-paper cover for content pages: vermilion fret rules, a small sun and a few ripples."""
    draw, unit, width, height = canvas.draw, canvas.unit, canvas.width, canvas.height
    draw.rectangle((0, 0, width, height), fill=RICE_PAPER)
    _fret_band(canvas, unit * 5, unit * 6, VERMILION)
    _fret_band(canvas, height - unit * 11, unit * 6, VERMILION)
    sun = (width * rng.uniform(0.62, 0.8), height * rng.uniform(0.38, 0.46))
    _sun(draw, sun, unit * 11, [GOLD, _mix(GOLD, RICE_PAPER, 0.4)])
    _disc(draw, sun, unit * 14, outline=VERMILION, width=unit * 0.5)
    _ripples(canvas, (width * 0.12, height * 0.6, width * 0.9, height - unit * 16), CELADON, rng)


def _paint_neutral(canvas: _Canvas, rng: random.Random) -> None:
    """Fallback for unknown themes: rice paper, soft ink fret rules and a celadon ripple field."""
    draw, unit, width, height = canvas.draw, canvas.unit, canvas.width, canvas.height
    draw.rectangle((0, 0, width, height), fill=RICE_PAPER)
    soft_ink = _mix(INK, RICE_PAPER, 0.55)
    _fret_band(canvas, unit * 5, unit * 5, soft_ink)
    _fret_band(canvas, height - unit * 10, unit * 5, soft_ink)
    _ripples(
        canvas, (width * 0.1, height * 0.3, width * 0.9, height * 0.75), _mix(CELADON, RICE_PAPER, 0.3), rng
    )


_SERVICE_STYLES = {
    "housekeeping": _ServiceStyle(CELADON, GOLD_DEEP, _draw_broom),
    "appliance-repair": _ServiceStyle(INDIGO, GOLD_DEEP, _draw_snowflake),
    "home-repair": _ServiceStyle(INK, VERMILION, _draw_tools),
    "elderly-care": _ServiceStyle(PERSIMMON, VERMILION, _draw_heart_and_cane),
    "nursing": _ServiceStyle(PINE, VERMILION_BRIGHT, _draw_cross),
    "beauty-hair": _ServiceStyle(PLUM, GOLD_DEEP, _draw_scissors_and_comb),
    "personal-training": _ServiceStyle(VERMILION, GOLD_DEEP, _draw_dumbbell),
    "private-chef": _ServiceStyle(CHESTNUT, VERMILION, _draw_bowl),
}

_PAINTERS: dict[str, Painter] = {
    **{theme: partial(_paint_service, style=style) for theme, style in _SERVICE_STYLES.items()},
    "culture": _paint_culture,
    "confucius": _paint_confucius,
    "mencius": _paint_mencius,
    "lu_brocade": _paint_lu_brocade,
    "stone_carving": _paint_stone_carving,
    "kaimu_carving": _paint_kaimu_carving,
    "nishan_inkstone": _paint_nishan_inkstone,
    "rubbing": _paint_rubbing,
    "calligraphy": _paint_calligraphy,
    "home": _paint_home,
    "page": _paint_page,
}
