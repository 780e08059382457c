"""Text: the article text and metadata of a fetched page, and the article built from it."""
