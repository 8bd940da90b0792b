"""The contest engine's writes, one module per job; callers import from here.

accounts (phones, registration, passwords, cookie revocation), throttling (sign-in and
registration limits), eligibility, answer_key (cached key, scoring), pools (contest vs practice
questions), drawing, attempts (start, autosave, submit), ranking (round close, prizes, group
table), personal_data (export and erasure on request).
"""

from .accounts import (
    authenticate,
    citizen_id_digest,
    citizen_id_digits,
    contestant_phone,
    register_contestant,
    revoke_sessions,
    session_is_current,
)
from .answer_key import answer_key, count_correct, forget_answer_keys
from .attempts import (
    expire_overdue_attempts,
    save_answer,
    save_before_submit,
    save_prediction,
    start_attempt,
    submit_attempt,
)
from .drawing import draw_questions
from .eligibility import age_on, eligibility_problem
from .errors import PhoneTaken, QuizError
from .personal_data import erase_contestant, export_contestant
from .pools import check_pool, copy_to_pool
from .ranking import close_round, disqualify, group_scores, mask_name, ranking_key
from .throttling import login_wait_minutes, record_login_failure, record_registration, registration_blocked

__all__ = [
    "PhoneTaken", "QuizError", "age_on", "answer_key", "authenticate", "check_pool", "citizen_id_digest",
    "citizen_id_digits", "close_round", "contestant_phone", "copy_to_pool", "count_correct", "disqualify",
    "draw_questions", "eligibility_problem", "erase_contestant", "expire_overdue_attempts", "export_contestant",
    "forget_answer_keys", "group_scores", "mask_name", "ranking_key", "register_contestant", "revoke_sessions",
    "save_answer", "save_before_submit", "save_prediction", "session_is_current", "start_attempt", "submit_attempt",
    "login_wait_minutes", "record_login_failure", "record_registration", "registration_blocked",
]
