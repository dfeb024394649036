"""Training the sentence-move model: a tool that sits on top of the runtime package.

    python -m followup_lint.training [--out models]

``corpus`` reads and splits the labelled data, ``fit`` trains, ``evaluate`` measures,
``export`` writes the numpy arrays the runtime reads, ``card`` writes the model card's
figures, ``datasheet`` the corpus counts. Nothing in the runtime imports this package.
"""
