"""Grammar and spelling backends: LanguageTool on loopback, and a built-in fallback."""
