"""The exceptions followup-lint raises on purpose. Each message is one line, fit for a user.

``FollowupLintError`` is the base of all of them, so an integrator can catch one class:

- :class:`InputError`: text or a file that cannot be read as a draft (binary, not UTF-8,
  too large, a directory, a malformed message).
- :class:`ConfigError`: an option or configuration value that cannot be used (unknown option,
  unknown rule code, a weight that is not a finite number).
- :class:`ContextError`: a context value or file that cannot be used (a date that is not ISO,
  an unknown field).
"""

from __future__ import annotations


class FollowupLintError(ValueError):
    """Base class of the errors followup-lint raises for bad input, options or context."""


class InputError(FollowupLintError):
    """Input that cannot be read as a draft; the message is one line, fit for a user."""


class ConfigError(FollowupLintError):
    """A configuration value or file that cannot be used (message names the key or file)."""


class ContextError(FollowupLintError):
    """A context value or file that cannot be used, with a message fit for a user."""
