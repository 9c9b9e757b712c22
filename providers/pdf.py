"""PDF rendering with WeasyPrint: provider certificates now, booking invoices later.

Templates only name ``font-family: "Shangmen Sans"``; the bundled GBK subsets of Noto Sans CJK SC
(providers/fonts, built by build_subset.py) are declared here, so no system font is needed.

WeasyPrint is imported inside the functions: importing it loads Pango and fontconfig, and the site
must start where they are missing; only PDFs need them.
"""

import atexit
import logging
import threading
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
FONT_FAMILY = "Shangmen Sans"
BUNDLED_FONTS = {
    400: FONTS_DIR / "NotoSansSC-GBK-Regular.otf",
    700: FONTS_DIR / "NotoSansSC-GBK-Bold.otf",
}
NOTDEF_MESSAGE = ".notdef glyph rendered"
FONT_FACE_FAILURE_MESSAGE = "cannot be loaded"
QR_DARK_COLOUR = "#1a1a1a"

# Building a FontConfiguration and loading the fonts into it costs more than rendering a page, so
# one is shared by the process. Neither it nor Pango's font map is documented as thread-safe,
# hence the lock around everything that touches them.
_render_lock = threading.Lock()
_font_config = None
_fonts_stylesheet = None


class MissingGlyphError(RuntimeError):
    """The PDF would show an empty box instead of a character."""


def harfbuzz_subset_available() -> bool:
    """Whether libharfbuzz-subset is loaded; without it WeasyPrint embeds fonts about 100 times slower.

    False as well when WeasyPrint's libraries (Pango) cannot be loaded at all.
    """
    try:
        from weasyprint.text import ffi
    except OSError:
        return False
    return ffi.harfbuzz_subset is not None


def qr_svg_data_uri(url: str) -> str:
    """A vector QR code for an ASCII URL, as a data: URI to use in <img src>."""
    import segno

    return segno.make_qr(url, error="m").svg_data_uri(scale=4, border=2, dark=QR_DARK_COLOUR)


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render a Django template to PDF bytes; raise MissingGlyphError rather than print a box."""
    import weasyprint

    html = render_to_string(template_name, context)
    # Relative URLs in templates (<img src="img/…">) resolve against the project's static sources.
    base_url = Path(settings.STATICFILES_DIRS[0]).as_uri() + "/"
    with _render_lock, _collect_weasyprint_warnings() as font_warnings:
        font_config, fonts_stylesheet = _shared_fonts(font_warnings)
        pdf = weasyprint.HTML(string=html, base_url=base_url).write_pdf(
            stylesheets=[fonts_stylesheet], font_config=font_config
        )
    if font_warnings.missing_characters:
        missing = ", ".join(dict.fromkeys(font_warnings.missing_characters))
        raise MissingGlyphError(f"{template_name} has characters that no font covers: {missing}")
    return pdf


def _shared_fonts(font_warnings):
    global _font_config, _fonts_stylesheet
    if _font_config is None:
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        if not harfbuzz_subset_available():
            logger.warning(
                "libharfbuzz-subset is not installed: WeasyPrint falls back to a subsetter about 100 "
                "times slower (seconds per PDF). Install libharfbuzz-subset0."
            )
        font_config = FontConfiguration()
        fonts_stylesheet = CSS(string=_font_faces_css(), font_config=font_config)
        if font_warnings.failed_font_faces:
            # Without the bundled fonts, Pango falls back to whatever the machine has, or crashes
            # when it has nothing: refuse instead.
            raise MissingGlyphError(
                f"Bundled fonts cannot be loaded: {'; '.join(font_warnings.failed_font_faces)}"
            )
        _font_config, _fonts_stylesheet = font_config, fonts_stylesheet
    return _font_config, _fonts_stylesheet


def reset_shared_fonts() -> None:
    """Forget the shared font configuration; the next render builds one from the current fontconfig
    environment (FONTCONFIG_FILE is read when a configuration is built)."""
    global _font_config, _fonts_stylesheet
    with _render_lock:
        # Dropping it also lets FontConfiguration.__del__ remove its temporary copy of the fonts (12 MB),
        # which fails when left to interpreter teardown; hence the atexit registration.
        _font_config = _fonts_stylesheet = None


atexit.register(reset_shared_fonts)


def _font_faces_css() -> str:
    return "\n".join(
        f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight}; src: url("{path.as_uri()}"); }}'
        for weight, path in BUNDLED_FONTS.items()
    )


class _WeasyPrintWarnings(logging.Handler):
    """Collects the warnings of the current thread that mean a character would not be drawn."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.thread_id = threading.get_ident()
        self.missing_characters = []
        self.failed_font_faces = []

    def emit(self, record):
        if record.thread != self.thread_id:
            return
        message = record.getMessage()
        if NOTDEF_MESSAGE in message:
            # The message ends with the character and its code point: ': "㐀" (U+3400)'.
            self.missing_characters.append(message.rpartition(": ")[2])
        elif FONT_FACE_FAILURE_MESSAGE in message:
            self.failed_font_faces.append(message)


@contextmanager
def _collect_weasyprint_warnings():
    weasyprint_logger = logging.getLogger("weasyprint")
    collector = _WeasyPrintWarnings()
    previous_level = weasyprint_logger.level
    # A logging configuration that silences warnings (DJANGO_LOG_LEVEL=ERROR) must not disarm the guard.
    if not weasyprint_logger.isEnabledFor(logging.WARNING):
        weasyprint_logger.setLevel(logging.WARNING)
    weasyprint_logger.addHandler(collector)
    try:
        yield collector
    finally:
        weasyprint_logger.removeHandler(collector)
        weasyprint_logger.setLevel(previous_level)
