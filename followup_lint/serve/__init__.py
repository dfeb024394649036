"""``followup-lint serve``: a local coaching page, a versioned HTTP API, and a warm command.

The server is an optional part (``pip install 'followup-lint[server]'``): Starlette and uvicorn
are imported by :mod:`.app` and :mod:`.cli` only. :mod:`.client` and :mod:`.state` use the
standard library alone, so the command can reach a running server without loading spaCy.
"""

HINT = "the server needs the server extra: pip install 'followup-lint[server]'"
