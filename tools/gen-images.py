#!/usr/bin/env python3
"""Generate the sample images of the bundled guide (sources/images/).

Makes three images, all drawn procedurally by this script (no photographs,
no downloads, no third-party content):

  fleuve.jpg     3200x2100 photo-like river landscape at sunrise in the Sahel
                 (RGB JPEG, quality 92, 300 dpi), with grain and smooth noise
                 so that it weighs and compresses like a real photograph;
  telephone.png  900x900 flat pictogram (RGBA, transparent background):
                 a mobile phone with signal waves, "call for help";
  reunion.png    1400x900 flat illustration (RGB): a neighbourhood watch
                 committee meeting around a round table.

The output is deterministic (fixed random seeds): running the script twice
writes identical files.

Requires Pillow and numpy (`pip install pillow numpy`). Run from anywhere:

    python3 tools/gen-images.py
"""

import math
import os
import sys
import time

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "sources", "images")

# Palette shared by the flat illustrations.
BLUE = (0x1F, 0x4E, 0x79)
ORANGE = (0xE0, 0x8A, 0x1E)
CREAM = (0xF6, 0xEF, 0xE4)
WHITE = (0xFF, 0xFF, 0xFF)
GREEN = (0x5A, 0x8F, 0x5A)


# ---------------------------------------------------------------------------
# fleuve.jpg — photo-like landscape
# ---------------------------------------------------------------------------


def smooth_noise(rng, h, w, cell_h, cell_w):
    """Value noise in [-1, 1]: a coarse random grid upsampled bicubically."""
    gh = max(2, int(math.ceil(h / cell_h)) + 2)
    gw = max(2, int(math.ceil(w / cell_w)) + 2)
    grid = rng.uniform(-1.0, 1.0, (gh, gw)).astype(np.float32)
    img = Image.fromarray(grid).resize(
        (gw * cell_w, gh * cell_h), Image.BICUBIC
    )
    arr = np.asarray(img, dtype=np.float32)
    return arr[cell_h : cell_h + h, cell_w : cell_w + w]


def fractal_noise(rng, h, w, cell, octaves, aspect=1.0, gain=0.5):
    """Sum of value-noise octaves; `aspect` > 1 stretches it horizontally."""
    total = np.zeros((h, w), np.float32)
    amp, norm = 1.0, 0.0
    for _ in range(octaves):
        ch = max(2, int(cell))
        cw = max(2, int(cell * aspect))
        total += amp * smooth_noise(rng, h, w, ch, cw)
        norm += amp
        amp *= gain
        cell /= 2.0
    return total / norm


def ridge(rng, w, base, amp, waves, jitter):
    """A 1-D skyline: y of the ridge for every x (sum of sines + noise)."""
    x = np.arange(w, dtype=np.float32) / w
    y = np.full(w, base, np.float32)
    for freq, a in waves:
        phase = rng.uniform(0, 2 * math.pi)
        y -= amp * a * np.sin(2 * math.pi * freq * x + phase)
    # small irregularities
    n = smooth_noise(rng, 1, w, 1, max(2, w // 60))[0]
    n2 = smooth_noise(rng, 1, w, 1, max(2, w // 400))[0]
    y += jitter * (n + 0.35 * n2)
    return y


def mix(c0, c1, t):
    """Blend colours c0 -> c1 by t (t broadcast over the last axis)."""
    c0 = np.asarray(c0, np.float32)
    c1 = np.asarray(c1, np.float32)
    return c0 + (c1 - c0) * t[..., None]


def gradient(stops, t):
    """Piecewise-linear colour gradient. stops: [(pos, (r,g,b)), ...]."""
    pos = np.array([p for p, _ in stops], np.float32)
    cols = np.array([c for _, c in stops], np.float32)
    out = np.empty(t.shape + (3,), np.float32)
    for ch in range(3):
        out[..., ch] = np.interp(t, pos, cols[:, ch])
    return out


def acacia(draw, rng, x, y_ground, height, fill):
    """An umbrella-thorn acacia silhouette drawn on an 'L' mask."""
    crown_y = y_ground - height
    crown_w = height * rng.uniform(1.5, 2.0)
    trunk_w = max(2, height * 0.05)
    lean = rng.uniform(-0.10, 0.10) * height
    fork_t = rng.uniform(0.35, 0.5)
    fork = (x + lean * fork_t, y_ground - height * fork_t)

    def limb(p0, p1, w0, w1, bend):
        # a slightly bent branch, tapering from w0 to w1
        n = 6
        prev = p0
        for i in range(1, n + 1):
            t = i / n
            px = p0[0] + (p1[0] - p0[0]) * t + math.sin(t * math.pi) * bend
            py = p0[1] + (p1[1] - p0[1]) * t
            w = max(1, int(round(w0 + (w1 - w0) * t)))
            draw.line([prev, (px, py)], fill=fill, width=w)
            r = w / 2
            draw.ellipse([px - r, py - r, px + r, py + r], fill=fill)
            prev = (px, py)

    # root flare and trunk
    draw.polygon(
        [(x - trunk_w * 1.6, y_ground), (x + trunk_w * 1.6, y_ground),
         (x + trunk_w * 0.5, y_ground - trunk_w * 2), (x - trunk_w * 0.5, y_ground - trunk_w * 2)],
        fill=fill,
    )
    limb((x, y_ground), fork, trunk_w, trunk_w * 0.85, rng.uniform(-1, 1) * height * 0.03)
    # main limbs, each splitting again, ending in foliage clumps
    nlimbs = int(rng.integers(3, 5))
    tips = []
    for i in range(nlimbs):
        t = (i + 0.5) / nlimbs
        ex = x + lean + (t - 0.5) * crown_w * 0.75 + rng.normal(0, crown_w * 0.04)
        ey = crown_y + height * rng.uniform(0.10, 0.22)
        limb(fork, (ex, ey), trunk_w * 0.7, trunk_w * 0.35, rng.normal(0, height * 0.03))
        for _ in range(int(rng.integers(2, 4))):
            tx = ex + rng.normal(0, crown_w * 0.10)
            ty = crown_y + height * rng.uniform(0.0, 0.06)
            limb((ex, ey), (tx, ty), trunk_w * 0.3, trunk_w * 0.15, rng.normal(0, height * 0.02))
            tips.append((tx, ty))
    # flat-topped crown: clumps of small squashed ellipses around the tips,
    # plus a thin continuous layer along the top
    for tx, ty in tips:
        for _ in range(22):
            cx = tx + rng.normal(0, crown_w * 0.07)
            cy = ty + abs(rng.normal(0, height * 0.025)) - height * 0.01
            rx = crown_w * rng.uniform(0.025, 0.06)
            ry = height * rng.uniform(0.015, 0.035)
            draw.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], fill=fill)
    xs = [t[0] for t in tips]
    left, right = min(xs) - crown_w * 0.06, max(xs) + crown_w * 0.06
    for _ in range(60):
        cx = rng.uniform(left, right)
        cy = crown_y - height * 0.015 + rng.normal(0, height * 0.01)
        rx = crown_w * rng.uniform(0.02, 0.05)
        ry = height * rng.uniform(0.012, 0.025)
        draw.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], fill=fill)
    # ragged bits of foliage hanging under the crown
    for _ in range(80):
        cx = rng.uniform(left, right)
        cy = crown_y + height * rng.uniform(0.02, 0.07)
        r = height * rng.uniform(0.004, 0.012)
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fill)


def make_fleuve(path):
    W, H = 3200, 2100
    rng = np.random.default_rng(20261101)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    yn = yy / H
    xn = xx / W

    horizon = 0.575 * H  # far horizon line behind the hills
    sun_x, sun_y = 0.63 * W, 0.515 * H
    sun_r = 0.026 * W

    # --- sky ---------------------------------------------------------------
    t = np.clip(yy / horizon, 0, 1.2)
    sky = gradient(
        [
            (0.00, (16, 32, 78)),
            (0.28, (44, 66, 122)),
            (0.52, (112, 104, 138)),
            (0.72, (198, 122, 96)),
            (0.88, (240, 152, 74)),
            (1.00, (252, 196, 118)),
            (1.20, (252, 206, 140)),
        ],
        t,
    )
    dx = (xx - sun_x) / W
    dy = (yy - sun_y) / H
    d = np.sqrt(dx * dx + (dy * 1.25) ** 2)
    glow = 0.85 * np.exp(-d / 0.05) + 0.45 * np.exp(-d / 0.16) + 0.18 * np.exp(-d / 0.45)
    glow_col = np.array([255, 200, 120], np.float32)
    sky = sky + (glow_col - sky * 0.6) * np.clip(glow, 0, 1)[..., None] * 0.75

    # horizontal cloud streaks, lit from below by the sun
    clouds = fractal_noise(rng, H, W, 180, 5, aspect=5.0)
    band = np.exp(-(((yn - 0.30) / 0.13) ** 2)) + 0.6 * np.exp(-(((yn - 0.44) / 0.05) ** 2))
    cmask = np.clip((clouds - 0.05) * 3.2, 0, 1) * band
    cloud_lit = mix((70, 60, 92), (250, 170, 110), np.clip(yn / 0.5 + glow * 0.6, 0, 1) ** 1.5)
    sky = sky + (cloud_lit - sky) * (cmask * 0.7)[..., None]

    # sun disc with a soft (anti-aliased) edge
    ds = np.sqrt((xx - sun_x) ** 2 + (yy - sun_y) ** 2)
    disc = np.clip((sun_r - ds) / 3.0 + 0.5, 0, 1)
    sky = sky + (np.array([255, 246, 214], np.float32) - sky) * disc[..., None]

    img = sky
    haze_col = np.array([238, 170, 110], np.float32)

    # --- hills and dunes, far to near, with atmospheric haze ----------------
    layers = [
        # base(y frac), amplitude, waves, jitter, colour, haze amount
        (0.565, 0.035, [(1.3, 1.0), (3.1, 0.4), (7.0, 0.15)], 6, (150, 96, 100), 0.62),
        (0.585, 0.028, [(0.9, 1.0), (2.4, 0.5), (5.5, 0.2)], 9, (118, 72, 78), 0.45),
        (0.600, 0.022, [(1.7, 1.0), (4.3, 0.35), (9.0, 0.12)], 12, (86, 56, 58), 0.28),
        (0.615, 0.012, [(2.2, 1.0), (6.0, 0.5)], 14, (66, 46, 40), 0.15),
    ]
    for base, amp, waves, jit, col, haze in layers:
        ry = ridge(rng, W, base * H, amp * H, waves, jit)
        inside = np.clip(yy - ry[None, :] + 0.5, 0, 1)
        tex = fractal_noise(rng, H, W, 90, 4, aspect=3.0)
        c = np.array(col, np.float32)
        # texture, slightly lighter crests, haze fading off below the crest
        depth = np.clip((yy - ry[None, :]) / (0.06 * H), 0, 1)
        lc = c[None, None, :] * (1.0 + 0.08 * tex[..., None] + 0.10 * (1 - depth[..., None]))
        lc = lc + (haze_col - lc) * (haze * (1 - 0.35 * depth))[..., None]
        img = img + (lc - img) * inside[..., None]

    # --- far bank (flat savanna strip) ---------------------------------------
    bank_far = 0.628 * H + 6 * smooth_noise(rng, 1, W, 1, 160)[0]
    inside = np.clip(yy - bank_far[None, :] + 0.5, 0, 1)
    tex = fractal_noise(rng, H, W, 40, 4, aspect=4.0)
    bank_col = np.array([92, 66, 44], np.float32) * (1 + 0.12 * tex[..., None])
    bank_col = bank_col + (haze_col - bank_col) * 0.12
    img = img + (bank_col - img) * inside[..., None]

    # --- river --------------------------------------------------------------
    water_top = 0.648 * H + 4 * smooth_noise(rng, 1, W, 1, 220)[0]
    near_bank = (
        0.83 * H
        + 0.03 * H * np.sin(2 * math.pi * (xn[0] * 0.8 + 0.2))
        + 14 * smooth_noise(rng, 1, W, 1, 120)[0]
    )
    in_water = np.clip(yy - water_top[None, :] + 0.5, 0, 1) * np.clip(
        near_bank[None, :] - yy + 0.5, 0, 1
    )
    # reflection: mirror the sky about the horizon, compressed and darkened
    mirror_y = np.clip(horizon - (yy - 0.648 * H) * 1.4 - 0.02 * H, 0, H - 1).astype(np.int32)
    ripple = fractal_noise(rng, H, W, 14, 3, aspect=18.0)
    xoff = (ripple * 10).astype(np.int32)
    mx = np.clip(xx.astype(np.int32) + xoff, 0, W - 1)
    refl = sky[mirror_y, mx]
    wdepth = np.clip((yy - 0.648 * H) / (0.18 * H), 0, 1)
    water = refl * (0.78 - 0.22 * wdepth[..., None])
    water = water + np.array([10, 18, 30], np.float32) * wdepth[..., None]
    # ripple highlights and dark troughs
    rip2 = fractal_noise(rng, H, W, 8, 3, aspect=25.0)
    water = water * (1 + 0.10 * rip2[..., None])
    # sun glitter column
    glit_w = (0.020 + 0.06 * wdepth) * W
    col_mask = np.exp(-(((xx - sun_x) / glit_w) ** 2))
    sparkle = np.clip((rip2 + ripple * 0.5 - 0.05) * 3.0, 0, 1)
    water = water + np.array([255, 214, 150], np.float32) * (col_mask * sparkle * 0.85)[..., None]
    water = water + np.array([255, 190, 120], np.float32) * (col_mask * 0.18)[..., None]
    img = img + (water - img) * in_water[..., None]
    # thin bright line where the water meets the far bank
    edge = np.exp(-(((yy - water_top[None, :]) / 2.0) ** 2)) * in_water
    img = img + (np.array([250, 200, 140], np.float32) - img) * (edge * 0.35)[..., None]

    # --- near bank: sand, grass tufts ----------------------------------------
    in_near = np.clip(yy - near_bank[None, :] + 0.5, 0, 1)
    sand_t = np.clip((yy - near_bank[None, :]) / (0.17 * H), 0, 1)
    sand = gradient([(0.0, (128, 86, 54)), (0.35, (88, 60, 40)), (1.0, (40, 28, 24))], sand_t)
    st = fractal_noise(rng, H, W, 120, 6, aspect=2.5, gain=0.6)
    sand = sand * (1 + 0.16 * st[..., None])
    # low sun: warm rim on the wet edge
    rim = np.exp(-((yy - near_bank[None, :]) / 10.0) ** 2) * in_near
    sand = sand + np.array([60, 40, 15], np.float32) * rim[..., None]
    img = img + (sand - img) * in_near[..., None]

    # --- silhouettes (trees, grass) drawn as a mask -------------------------
    srng = np.random.default_rng(7)
    mask_far = Image.new("L", (W, H), 0)
    dfar = ImageDraw.Draw(mask_far)
    for x, hgt in [(0.16, 120), (0.235, 80), (0.43, 70), (0.71, 95), (0.815, 120), (0.88, 70)]:
        xi = int(x * W)
        acacia(dfar, srng, xi, float(bank_far[xi]) + 6, hgt, 255)
    mask_far = mask_far.filter(ImageFilter.GaussianBlur(1.2))
    mask_near = Image.new("L", (W, H), 0)
    dnear = ImageDraw.Draw(mask_near)
    acacia(dnear, srng, int(0.075 * W), 0.975 * H, 0.42 * H, 255)
    acacia(dnear, srng, int(0.93 * W), 0.93 * H, 0.27 * H, 255)
    # grass: sparse short tufts near the water, denser and taller downwards
    for _ in range(2600):
        gx = srng.uniform(0, W)
        gb = float(near_bank[int(gx)])
        depth = srng.uniform(0, 1) ** 0.6
        gy = gb + 12 + depth * (H - gb)
        if srng.uniform() > 0.25 + 0.75 * depth:
            continue
        gh = srng.uniform(10, 26) * (1 + 5 * depth ** 1.5)
        for _k in range(int(srng.integers(5, 12))):
            ang = srng.normal(0, 0.2)
            curl = srng.normal(0, 0.25)
            x0 = gx + srng.normal(0, gh * 0.05)
            mx_ = x0 + math.sin(ang) * gh * 0.5
            my_ = gy - math.cos(ang) * gh * 0.5
            ex_ = x0 + math.sin(ang + curl) * gh
            ey_ = gy - math.cos(ang + curl) * gh * srng.uniform(0.7, 1.0)
            w = 3 if depth > 0.7 else 2
            dnear.line([(x0, gy), (mx_, my_)], fill=255, width=w)
            dnear.line([(mx_, my_), (ex_, ey_)], fill=255, width=max(1, w - 1))
    # a few tall reeds at the water's edge
    for _ in range(140):
        gx = srng.uniform(0, W)
        gy = float(near_bank[int(gx)]) + srng.uniform(2, 18)
        for _k in range(int(srng.integers(2, 6))):
            gh = srng.uniform(30, 90)
            ang = srng.normal(0, 0.12)
            x0 = gx + srng.normal(0, 4)
            dnear.line([(x0, gy), (x0 + math.sin(ang) * gh, gy - math.cos(ang) * gh)],
                       fill=255, width=2)
    mask_near = mask_near.filter(ImageFilter.GaussianBlur(0.8))
    mf = np.asarray(mask_far, np.float32)[..., None] / 255.0
    mn = np.asarray(mask_near, np.float32)[..., None] / 255.0
    far_col = np.array([70, 44, 40], np.float32)
    far_col = far_col + (haze_col - far_col) * 0.18
    img = img + (far_col - img) * mf
    # reflections of the far trees in the water, blurred and faint
    refl_mask = np.zeros((H, W), np.float32)
    src = mf[..., 0]
    top = int(0.648 * H)
    plane = int(0.632 * H)
    span = int(0.10 * H)
    src_rows = np.clip(2 * plane - np.arange(top, top + span), 0, H - 1)
    refl_mask[top : top + span] = src[src_rows]
    refl_l = Image.fromarray(np.clip(refl_mask * 255 + 0.5, 0, 255).astype(np.uint8))
    refl_mask = np.asarray(refl_l.filter(ImageFilter.GaussianBlur(3)), np.float32) / 255.0
    refl_mask = refl_mask * in_water * 0.35
    img = img * (1 - 0.5 * refl_mask[..., None])
    near_col = np.array([28, 20, 22], np.float32)
    img = img + (near_col - img) * mn

    # --- photographic finish -----------------------------------------------
    # large-scale luminance wander, vignette, warm cast, grain
    wander = fractal_noise(rng, H, W, 700, 3)
    img = img * (1 + 0.05 * wander[..., None])
    vx = (xn - 0.5) / 0.75
    vy = (yn - 0.5) / 0.75
    vig = 1 - 0.32 * np.clip(vx * vx + vy * vy, 0, 1) ** 1.3
    img = img * vig[..., None]
    # film-like grain, stronger in the shadows
    lum_grain = rng.normal(0, 1, (H, W)).astype(np.float32)
    chroma_grain = rng.normal(0, 1, (H, W, 3)).astype(np.float32)
    shade = 0.6 + 0.4 * (1 - np.clip(img.mean(axis=2) / 255.0, 0, 1))
    img = img + (lum_grain[..., None] * 5.0 + chroma_grain * 1.8) * shade[..., None]

    out = np.clip(img + 0.5, 0, 255).astype(np.uint8)
    pil = Image.fromarray(out)
    pil.save(path, "JPEG", quality=92, dpi=(300, 300))


# ---------------------------------------------------------------------------
# telephone.png — flat pictogram
# ---------------------------------------------------------------------------


def make_telephone(path):
    S = 900
    im = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    blue = BLUE + (255,)
    orange = ORANGE + (255,)
    cream = CREAM + (255,)
    white = WHITE + (255,)

    # phone body, slightly left of centre to leave room for the waves
    px0, py0, px1, py1 = 215, 130, 545, 800
    d.rounded_rectangle([px0, py0, px1, py1], radius=58, fill=blue)
    # screen
    d.rounded_rectangle([px0 + 30, py0 + 90, px1 - 30, py1 - 120], radius=14, fill=cream)
    # earpiece slot and camera
    d.rounded_rectangle([330, 175, 430, 193], radius=9, fill=cream)
    d.ellipse([448, 172, 472, 196], fill=cream)
    # home button
    d.ellipse([350, 702, 410, 762], outline=cream, width=8)
    # on the screen: orange alert badge with a white exclamation mark
    cx, cy, r = 380, 440, 118
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=orange)
    d.rounded_rectangle([cx - 17, cy - 78, cx + 17, cy + 28], radius=17, fill=white)
    d.ellipse([cx - 19, cy + 46, cx + 19, cy + 84], fill=white)
    # two short "message" lines under the badge
    for i, w in enumerate((150, 110)):
        y = 590 + i * 34
        d.rounded_rectangle([cx - w // 2, y, cx + w // 2, y + 14], radius=7, fill=blue)

    # signal waves radiating from the top right corner of the phone
    ox, oy = 560, 300
    for rad in (100, 180, 260):
        box = [ox - rad, oy - rad, ox + rad, oy + rad]
        d.arc(box, start=-62, end=8, fill=orange, width=36)
        # rounded ends
        for ang in (-62, 8):
            a = math.radians(ang)
            ex = ox + (rad - 18) * math.cos(a)
            ey = oy + (rad - 18) * math.sin(a)
            d.ellipse([ex - 18, ey - 18, ex + 18, ey + 18], fill=orange)
    im.save(path, "PNG", optimize=True)


# ---------------------------------------------------------------------------
# reunion.png — flat illustration
# ---------------------------------------------------------------------------


def person(d, cx, base_y, body_col, head_col, scale=1.0):
    """Seated person: rounded-rectangle body standing on base_y, round head."""
    bw, bh = 130 * scale, 170 * scale
    hr = 48 * scale
    x0, y0 = cx - bw / 2, base_y - bh
    d.rounded_rectangle([x0, y0, x0 + bw, base_y], radius=int(52 * scale), fill=body_col)
    hy = y0 - hr - 12 * scale  # small gap between head and body, pictogram style
    d.ellipse([cx - hr, hy - hr, cx + hr, hy + hr], fill=head_col)


def make_reunion(path):
    W, H = 1400, 900
    im = Image.new("RGB", (W, H), CREAM)
    d = ImageDraw.Draw(im)
    shadow = (0xEA, 0xDF, 0xCD)  # a slightly darker cream for the floor

    # floor shadow under the group
    d.ellipse([170, 560, 1230, 860], fill=shadow)

    tcx, tcy, trx, try_ = 700, 560, 330, 120
    skin = BLUE  # heads: one flat colour, pictogram style

    # people behind the table (drawn before it)
    back_people = [
        (430, GREEN),
        (700, ORANGE),
        (970, GREEN),
    ]
    for x, col in back_people:
        person(d, x, tcy + 10, col, skin, scale=1.0)
    # people at the ends of the table, a bit larger (closer)
    side_people = [(320, BLUE), (1080, ORANGE)]

    # table: top ellipse with a thick edge, and a central leg
    d.rectangle([tcx - 32, tcy + 60, tcx + 32, tcy + 250], fill=BLUE)
    d.ellipse([tcx - 120, tcy + 225, tcx + 120, tcy + 270], fill=BLUE)
    d.ellipse([tcx - trx, tcy - try_ + 22, tcx + trx, tcy + try_ + 22], fill=BLUE)
    d.ellipse([tcx - trx, tcy - try_, tcx + trx, tcy + try_], fill=WHITE)
    # on the table: papers, a teapot and small tea glasses
    d.polygon([(520, 540), (610, 520), (630, 575), (540, 595)], fill=CREAM)
    d.line([(540, 548), (605, 534)], fill=BLUE, width=5)
    d.line([(546, 565), (612, 551)], fill=BLUE, width=5)
    d.polygon([(780, 590), (870, 600), (860, 640), (770, 630)], fill=CREAM)
    d.line([(785, 606), (855, 614)], fill=GREEN, width=5)
    # teapot
    d.ellipse([665, 500, 735, 560], fill=ORANGE)
    d.rectangle([688, 488, 712, 504], fill=ORANGE)
    d.polygon([(732, 528), (770, 498), (776, 504), (738, 545)], fill=ORANGE)
    d.arc([640, 510, 680, 550], start=90, end=270, fill=ORANGE, width=8)
    for gx in (610, 800, 740):
        gy = 560 if gx != 740 else 590
        d.rectangle([gx, gy - 26, gx + 18, gy], fill=GREEN)

    # people at the ends, overlapping the table edge
    for x, col in side_people:
        person(d, x, tcy + 150, col, skin, scale=1.12)
    # people in front, seen from behind (drawn last)
    for x, col in [(560, BLUE), (860, GREEN)]:
        person(d, x, 840, col, skin, scale=1.2)

    # speech bubble above the person at the top centre
    bx0, by0, bx1, by1 = 820, 90, 1180, 270
    d.rounded_rectangle([bx0, by0, bx1, by1], radius=60, fill=WHITE)
    d.polygon([(860, 250), (930, 262), (780, 350)], fill=WHITE)
    # content of the bubble: a small house and a shield-like check, as icons
    hx, hy = 910, 185
    d.polygon([(hx - 50, hy), (hx, hy - 48), (hx + 50, hy)], fill=ORANGE)
    d.rectangle([hx - 36, hy, hx + 36, hy + 52], fill=ORANGE)
    d.rectangle([hx - 11, hy + 20, hx + 11, hy + 52], fill=WHITE)
    for i in range(3):
        cx = 1020 + i * 50
        d.ellipse([cx - 15, 170, cx + 15, 200], fill=BLUE)

    # a second, smaller bubble on the left (a reply)
    d.rounded_rectangle([180, 170, 400, 280], radius=48, fill=BLUE)
    d.polygon([(330, 270), (370, 268), (420, 360)], fill=BLUE)
    for i in range(3):
        cx = 240 + i * 50
        d.ellipse([cx - 13, 212, cx + 13, 238], fill=CREAM)

    im.save(path, "PNG", optimize=True)


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    jobs = [
        ("fleuve.jpg", make_fleuve),
        ("telephone.png", make_telephone),
        ("reunion.png", make_reunion),
    ]
    for name, fn in jobs:
        path = os.path.join(OUT_DIR, name)
        t0 = time.perf_counter()
        fn(path)
        dt = time.perf_counter() - t0
        with Image.open(path) as im:
            size = im.size
        print(f"{os.path.relpath(path, ROOT)}: {size[0]}x{size[1]}, "
              f"{os.path.getsize(path)} bytes, {dt:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
