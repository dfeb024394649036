"""``python -m followup_lint.serve``: the same as ``followup-lint serve``."""

import sys

from .cli import main

sys.exit(main(sys.argv[1:]))
