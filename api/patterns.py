"""Regular expressions that read the same in Python (the API's checks) and in ECMAScript (the schema's
``pattern``, as clients and contract tests read it): explicit character classes where ``\\s``, ``\\d`` and
``$`` mean different things in the two."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

# What str.strip() takes off, and so what DRF trims from both ends of a CharField's value.
SPACE = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"

# Any text without NUL characters, which Django and DRF refuse in every string (PostgreSQL cannot store them).
NO_NUL = r"^[^\x00]*\Z"

# Text that is not blank once trimmed, without NUL characters.
NOT_BLANK = rf"^[^\x00]*[^{SPACE}\x00][^\x00]*\Z"

# Text that is not only digits, without NUL characters.
NOT_ONLY_DIGITS = r"^[^\x00]*[^0-9\x00][^\x00]*\Z"


def at_least(length: int) -> str:
    """Text of at least ``length`` characters once trimmed (``length`` >= 2), without NUL characters."""
    return rf"^[^\x00]*[^{SPACE}\x00][^\x00]{{{length - 2},}}[^{SPACE}\x00][^\x00]*\Z"


def ecma(pattern: str) -> str:
    """A pattern above as the schema writes it, as drf-spectacular writes a validator's: \\u escapes, ``$``."""
    return pattern.replace(r"\x", r"\u00").replace(r"\Z", "$")


class Rule(RegexValidator):
    """A validator whose rule the schema states as ``regex`` (drf-spectacular turns a RegexValidator into the
    field's ``pattern``) but which checks it with ``test``, a plain function: no regular expression runs over
    whatever length of text was sent. ``test`` takes the value as the field has it (trimmed, without NUL)."""

    def __init__(self, regex: str, test, message, code: str = "invalid"):
        super().__init__(regex, message=message, code=code)
        self.test = test

    def __call__(self, value):
        if not self.test(str(value)):
            raise ValidationError(self.message, code=self.code, params={"value": value})
