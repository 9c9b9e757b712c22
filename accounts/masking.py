"""How personal data is shown to people whose role does not need the full value."""


def mask_phone(phone: str) -> str:
    """13812345678 → 138****5678."""
    if not phone:
        return ""
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) >= 8 else "****"


def mask_id_number(number: str) -> str:
    """370802199001011234 → 3708**********1234."""
    if not number:
        return ""
    return f"{number[:4]}{'*' * (len(number) - 8)}{number[-4:]}" if len(number) > 8 else "****"


def mask_name(name: str) -> str:
    """王小明 → 王**: the family name is enough to greet someone."""
    if not name:
        return ""
    return name[0] + "*" * (len(name) - 1)
