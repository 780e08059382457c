"""Feeds: the feed list, RSS/Atom parsing, feed health (back-off), backfill windows."""
