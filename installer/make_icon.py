"""Draw the application icon: a white shield on the app's dark blue, as .ico (Windows) and .png.

    python3 run.py python installer/make_icon.py

The pictures are committed (resources/icons/); run this only to change them. Pillow comes with
ReportLab, so nothing extra is needed.
"""

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
BLUE, WHITE, ACCENT = (23, 55, 94, 255), (255, 255, 255, 255), (23, 55, 94, 255)
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int = 256) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    s = size / 256
    d.rounded_rectangle((8 * s, 8 * s, 248 * s, 248 * s), radius=44 * s, fill=BLUE)
    # The shield: a flat top, straight sides, and a point at the bottom.
    shield = [(64, 56), (128, 36), (192, 56), (192, 128), (128, 216), (64, 128)]
    d.polygon([(x * s, y * s) for x, y in shield], fill=WHITE)
    # A keyhole: what the vault is about.
    d.ellipse((110 * s, 84 * s, 146 * s, 120 * s), fill=ACCENT)
    d.polygon([(120 * s, 112 * s), (136 * s, 112 * s), (142 * s, 160 * s), (114 * s, 160 * s)], fill=ACCENT)
    return image


def main() -> None:
    folder = ROOT / "resources" / "icons"
    folder.mkdir(parents=True, exist_ok=True)
    big = draw(256)
    big.save(folder / "consultant-app.png")
    big.save(folder / "consultant-app.ico", sizes=[(n, n) for n in SIZES])


if __name__ == "__main__":
    main()
