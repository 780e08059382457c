"""Schedules and deployment definitions."""
