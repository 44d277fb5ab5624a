"""Real test images: an artwork, the same artwork re-photographed (resized, JPEG, brighter) and a
different work."""

from __future__ import annotations

import base64
import io

from PIL import Image, ImageDraw, ImageEnhance


def artwork(seed: int = 1) -> Image.Image:
    image = Image.new("RGB", (400, 300), (240, 230, 210))
    draw = ImageDraw.Draw(image)
    if seed == 1:
        draw.ellipse((40, 40, 220, 220), fill=(180, 30, 30))
        draw.rectangle((240, 60, 370, 260), fill=(20, 60, 160))
        draw.line((0, 290, 400, 150), fill=(10, 10, 10), width=12)
    else:
        for i in range(0, 400, 40):
            draw.rectangle((i, 0, i + 20, 300), fill=(30, 140, 60))
        draw.polygon([(200, 20), (380, 280), (20, 280)], fill=(230, 200, 20))
    return image


def png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def rephotographed(image: Image.Image) -> bytes:
    smaller = image.resize((330, 247), Image.Resampling.LANCZOS)
    brighter = ImageEnhance.Brightness(smaller).enhance(1.12)
    out = io.BytesIO()
    brighter.save(out, format="JPEG", quality=70)
    return out.getvalue()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()
