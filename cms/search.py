"""Chinese-aware full-text search support.

The database search backends treat an unbroken run of Chinese characters as one token, so 保洁
would never match 日常保洁服务. Indexed text and queries are both segmented into words with jieba
(its maintained Rust binding), which makes every word of a title or body findable on SQLite and
PostgreSQL alike.
"""

import re

import rjieba

_DOMAIN_WORDS = [
    "开荒保洁",
    "家电维修",
    "空调清洗",
    "养老护理",
    "鲁锦",
    "楷木",
    "尼山砚",
    "甏肉干饭",
    "孔府菜",
]
_WORD = re.compile(r"\w", re.UNICODE)

for _word in _DOMAIN_WORDS:
    rjieba.add_word(_word, None, None)


def segment(text: str) -> str:
    """Space-joined words of ``text``, with the sub-words of long words, for the search index."""
    return " ".join(word for word in rjieba.cut_for_search(text or "") if _WORD.search(word))


def segment_query(query: str) -> str:
    """The words of a user's query, segmented the same way as the index."""
    return " ".join(word for word in rjieba.cut(query or "") if _WORD.search(word))
