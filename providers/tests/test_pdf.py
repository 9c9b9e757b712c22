"""Certificate PDFs, rendered with the bundled fonts and nothing else.

`pdftotext` extracts correct Chinese even when every glyph is an empty box, so these tests rely on the
guard in providers.pdf (WeasyPrint's ".notdef glyph rendered" warnings) and on a fontconfig that sees no
system font: a CJK font on the machine (fonts-droid-fallback comes with ghostscript) would draw what the
bundled subset lacks and hide a broken bundle.

The `bundled_fonts_only` fixture points FONTCONFIG_FILE at providers/fonts/fonts-test.conf (no font
directories) and makes providers.pdf build a new shared font configuration under it: fontconfig reads the
variable whenever WeasyPrint builds a configuration, so the restriction holds exactly for these renders.
It is deliberately not set for the whole test process in portal/settings/test.py: Chromium, started by
the browser tests, inherits the environment and would lay out all text with zero width.
"""

import logging
import os
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest

from providers.pdf import MissingGlyphError, qr_svg_data_uri, render_pdf, reset_shared_fonts
from providers.pdf_samples import SAMPLE_PROVIDER_NAME, sample_certificate_context

TEMPLATE = "providers/pdf/certificate.html"
TEST_FONTCONFIG = Path(__file__).resolve().parent.parent / "fonts" / "fonts-test.conf"
RARE_NAME_CHARACTERS = "堃昇喆赟珺玥祎彧旻瑄犇垚甡嫚"
# In CJK Extension A: the full Noto Sans CJK SC has it, the GBK subset does not. On a machine with a system
# CJK font, its test also proves that the renders here do not see system fonts.
OUTSIDE_BUNDLED_FONTS = "㐀"


def skip_unless_ci(reason):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


@pytest.fixture(scope="module", autouse=True)
def bundled_fonts_only():
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            import weasyprint  # noqa: F401
    except OSError as error:
        skip_unless_ci(f"WeasyPrint cannot load Pango, so no PDF can be rendered: {error}")
    # fontconfig silently falls back to the system configuration when the file is missing.
    assert TEST_FONTCONFIG.is_file()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FONTCONFIG_FILE", str(TEST_FONTCONFIG))
        reset_shared_fonts()
        yield
    reset_shared_fonts()


def poppler(tool, pdf, tmp_path):
    if shutil.which(tool) is None:
        skip_unless_ci(f"{tool} is missing (apt-get install poppler-utils)")
    path = tmp_path / "rendered.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        [tool, str(path), "-"] if tool == "pdftotext" else [tool, str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.parametrize(
    ("kind", "holder_name", "title"),
    [("provider", SAMPLE_PROVIDER_NAME, "服务资质证书"), ("staff", "王堃喆", "服务人员资质证书")],
)
def test_certificate_is_one_page_with_its_text_in_the_bundled_fonts(kind, holder_name, title, tmp_path):
    pdf = render_pdf(TEMPLATE, sample_certificate_context(kind, holder_name))

    assert "Pages:           1\n" in poppler("pdfinfo", pdf, tmp_path)
    text = poppler("pdftotext", pdf, tmp_path)
    assert "SMC-7KQ2-M9XD-4TZP" in text
    assert holder_name in text
    assert title in text
    assert "梁山县" in text
    embedded_fonts = poppler("pdffonts", pdf, tmp_path).splitlines()[2:]
    assert embedded_fonts
    assert all("Shangmen-Sans" in line for line in embedded_fonts)


def test_rare_name_characters_are_in_the_bundled_fonts(tmp_path):
    pdf = render_pdf(TEMPLATE, sample_certificate_context("staff", RARE_NAME_CHARACTERS))

    assert RARE_NAME_CHARACTERS in poppler("pdftotext", pdf, tmp_path)


def test_character_outside_the_bundled_fonts_is_an_error_not_a_box():
    with pytest.raises(MissingGlyphError, match=OUTSIDE_BUNDLED_FONTS):
        render_pdf(TEMPLATE, sample_certificate_context("staff", f"王{OUTSIDE_BUNDLED_FONTS}"))


def test_guard_holds_when_logging_silences_warnings():
    weasyprint_logger = logging.getLogger("weasyprint")
    previous_level = weasyprint_logger.level
    weasyprint_logger.setLevel(logging.ERROR)
    try:
        with pytest.raises(MissingGlyphError):
            render_pdf(TEMPLATE, sample_certificate_context("staff", f"王{OUTSIDE_BUNDLED_FONTS}"))
        assert weasyprint_logger.level == logging.ERROR
    finally:
        weasyprint_logger.setLevel(previous_level)


def test_qr_code_is_a_vector_image():
    assert qr_svg_data_uri("http://127.0.0.1:8000/verify/SMC-7KQ2-M9XD-4TZP/").startswith(
        "data:image/svg+xml"
    )
