"""Errors of the contest engine: their text is a Vietnamese message for the citizen."""


class QuizError(Exception):
    """A rule stopped the action; ``str(error)`` is a Vietnamese message for the citizen."""


class PhoneTaken(QuizError):
    """Registration refused because the phone number already has an account."""
