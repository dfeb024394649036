"""spaCy pipeline loading and followup-lint's own pipeline components."""
