"""``python -m followup_lint.spark INPUT OUTPUT [--master M]``"""

from __future__ import annotations

import sys

from ._job import main

if __name__ == "__main__":
    sys.exit(main())
