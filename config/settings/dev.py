"""Local development: `make run`."""

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = ["*"]
# Local development: two-factor login is optional unless TWO_FACTOR_REQUIRED=1.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
