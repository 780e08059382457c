"""URLs: canonical forms, tracking parameters, redaction of secrets in URLs."""
