"""Sentence-move labelling: the trained model, its training script and the keyword fallback."""
