"""The data path from a draft to a report, one step per module:

``intake`` (checks and "cannot judge" verdicts) → spaCy → ``build`` (the :class:`Analysis`
every rule reads, with one offset adapter) → rules (``rules.runner``) → ``scoring`` →
``assemble`` (the :class:`Report`). ``Analyzer`` only wires these together.
"""
