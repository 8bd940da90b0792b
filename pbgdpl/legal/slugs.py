"""URL slugs for Vietnamese text: ASCII, hyphenated, đ folded to d."""

from django.utils.text import slugify


def vietnamese_slug(text: str, max_length: int = 200) -> str:
    """``"571/QĐ-UBND"`` → ``"571-qd-ubnd"``; ``"Luật Đất đai"`` → ``"luat-dat-dai"``.

    Django's slugify drops "đ" (it has no ASCII decomposition), so fold it first.
    """
    folded = text.replace("đ", "d").replace("Đ", "D").replace("/", "-")
    return slugify(folded)[:max_length].strip("-")
