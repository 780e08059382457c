"""Prefect flows and thin tasks that call ingest/ and persist through storage/."""
