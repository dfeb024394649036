"""Renderers: terminal text, JSON / JSON Lines, SARIF, GitHub annotations, HTML."""
