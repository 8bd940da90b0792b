"""Tracking codes that a citizen reads over the phone, shared by the Q&A and legal-aid apps."""

from __future__ import annotations

import re

from pbgdpl.core.tracking import CODE_ALPHABET, hash_token


def test_each_app_gives_codes_in_its_own_readable_format():
    from pbgdpl.legalaid.models import AidRequest
    from pbgdpl.qa.models import Question

    look_alikes = set("IL0O1")
    for model, prefix in ((Question, "HD"), (AidRequest, "TG")):
        codes = {model._meta.get_field("tracking_code").get_default() for _ in range(50)}
        assert len(codes) == 50, "codes repeat"
        for code in codes:
            assert re.fullmatch(rf"{prefix}-[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}", code), code
            assert not look_alikes & set(code[3:]), code


def test_the_stored_form_of_a_link_token_is_not_the_token():
    token = "s3cret-token"
    assert hash_token(token) == hash_token(token)
    assert token not in hash_token(token) and len(hash_token(token)) == 64
