"""Build the GBK-coverage subsets of Noto Sans CJK SC that the PDF certificates embed.

Run by hand after changing the character list or the source fonts, then commit the outputs:

    .venv/bin/python providers/fonts/build_subset.py

Source: Debian's ``fonts-noto-cjk`` (SIL Open Font License 1.1), whose .ttc collections hold the
SC face among the JP/KR/TC/HK ones. GB2312 lacks many characters used in personal names
(堃昇喆赟珺玥祎彧旻瑄…), so the subset covers the whole of GBK.
"""

import argparse
import re
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

FONTS_DIR = Path(__file__).resolve().parent
DEFAULT_SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
SOURCE_FAMILY = "Noto Sans CJK SC"
WEIGHTS = {
    "Regular": "NotoSansCJK-Regular.ttc",
    "Bold": "NotoSansCJK-Bold.ttc",
}
EXTRA_CHARACTERS = "¥·×"


def gbk_characters() -> set[str]:
    characters = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                characters.add(bytes((lead, trail)).decode("gbk"))
            except UnicodeDecodeError:
                continue
    return characters


def subset_characters() -> str:
    characters = gbk_characters()
    characters.update(chr(code) for code in range(0x20, 0x7F))
    characters.update(chr(code) for code in range(0x3000, 0x3040))  # CJK symbols and punctuation
    characters.update(chr(code) for code in range(0xFF00, 0xFFF0))  # halfwidth and fullwidth forms
    characters.update(chr(code) for code in range(0x2000, 0x2070))  # general punctuation
    characters.update(EXTRA_CHARACTERS)
    return "".join(sorted(characters))


def sc_face(collection_path: Path, style: str):
    # Pick the face by name rather than by position: the collection order is the packager's choice.
    for font in TTCollection(collection_path).fonts:
        names = font["name"]
        if names.getDebugName(1) == SOURCE_FAMILY and names.getDebugName(2) == style:
            return font
    raise SystemExit(f"{collection_path} has no {SOURCE_FAMILY} {style} face")


def subset_options() -> subset.Options:
    options = subset.Options()
    # Certificates need no OpenType layout; dropping GSUB/GPOS keeps the file small and the shaping fast.
    options.layout_features = []
    # A character outside the subset shows as a visible box instead of a silent blank.
    options.notdef_outline = True
    options.name_IDs = ["*"]
    return options


def build_subset(collection_path: Path, style: str, characters: str) -> Path:
    font = sc_face(collection_path, style)
    subsetter = subset.Subsetter(options=subset_options())
    subsetter.populate(text=characters)
    subsetter.subset(font)
    output = FONTS_DIR / f"NotoSansSC-GBK-{style}.otf"
    font.save(output)
    return output


def write_licence(copyright_notice: str) -> Path:
    """Write OFL.txt from the licence stanza of Debian's machine-readable copyright file."""
    stanza = re.search(
        r"^License: SIL-1\.1\n((?: .*\n)+)", DEBIAN_COPYRIGHT.read_text(encoding="utf-8"), re.MULTILINE
    )
    if stanza is None:
        raise SystemExit(f"No SIL-1.1 licence text found in {DEBIAN_COPYRIGHT}")
    body = "".join("\n" if line == " .\n" else line[1:] for line in stanza.group(1).splitlines(True))
    output = FONTS_DIR / "OFL.txt"
    output.write_text(f"{copyright_notice}\n\n{body}", encoding="utf-8")
    return output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source-dir",
        type=Path,
        default=DEFAULT_SOURCE_DIR,
        help="folder holding the Noto Sans CJK .ttc files",
    )
    arguments = parser.parse_args()

    characters = subset_characters()
    print(f"{len(characters)} characters")
    for style, collection_name in WEIGHTS.items():
        output = build_subset(arguments.source_dir / collection_name, style, characters)
        print(f"{output.name}: {output.stat().st_size / 1_000_000:.1f} MB")

    regular_names = sc_face(arguments.source_dir / WEIGHTS["Regular"], "Regular")["name"]
    copyright_notice = f"{regular_names.getDebugName(0)}\n{regular_names.getDebugName(7)}"
    print(f"{write_licence(copyright_notice).name} written")


if __name__ == "__main__":
    main()
