"""A sample certificate (all eleven Jining districts, a rare-character name) for the PDF benchmark and tests."""

from datetime import date
from types import SimpleNamespace

from .pdf import qr_svg_data_uri

SAMPLE_NUMBER = "SMC-7KQ2-M9XD-4TZP"
SAMPLE_PROVIDER_NAME = "济宁市任城区洁美家政服务有限公司"
JINING_DISTRICTS = [
    ("任城区", "Rencheng"),
    ("兖州区", "Yanzhou"),
    ("曲阜市", "Qufu"),
    ("邹城市", "Zoucheng"),
    ("微山县", "Weishan"),
    ("鱼台县", "Yutai"),
    ("金乡县", "Jinxiang"),
    ("嘉祥县", "Jiaxiang"),
    ("汶上县", "Wenshang"),
    ("泗水县", "Sishui"),
    ("梁山县", "Liangshan"),
]
CATEGORIES = [
    ("家政保洁", "Housekeeping & Cleaning"),
    ("家电维修", "Appliance Repair"),
    ("管道疏通", "Plumbing & Drain Clearing"),
    ("母婴护理", "Maternity & Infant Care"),
]
QUALIFICATIONS = [
    ("家政服务员（高级）", "Domestic Service Worker (Senior)"),
    ("育婴员（四级）", "Childcare Worker (Level 4)"),
    ("健康证", "Health Certificate"),
]


def bilingual(pairs):
    return [{"zh": zh, "en": en} for zh, en in pairs]


def sample_certificate_context(kind: str = "staff", holder_name: str = "王堃喆") -> dict:
    """The template context of a provider or staff certificate, as the portal's download view builds it."""
    certificate = SimpleNamespace(
        number=SAMPLE_NUMBER,
        kind=kind,
        holder_name=holder_name,
        holder_name_en="Jining Rencheng Jiemei Housekeeping Services Co., Ltd." if kind == "provider" else "",
        provider_name=SAMPLE_PROVIDER_NAME,
        uscc="91370811MA3C8XKX2R" if kind == "provider" else "",
        categories=bilingual(CATEGORIES),
        districts=bilingual(JINING_DISTRICTS),
        qualifications=bilingual(QUALIFICATIONS) if kind == "staff" else [],
        valid_from=date(2025, 11, 22),
        valid_until=date(2026, 11, 21),
        issued_on=date(2025, 11, 22),
    )
    verify_url = f"http://127.0.0.1:8000/verify/{SAMPLE_NUMBER}/"
    return {"certificate": certificate, "verify_url": verify_url, "qr_data_uri": qr_svg_data_uri(verify_url)}
