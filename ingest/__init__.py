"""Pure domain logic of layoffwatch: no Prefect, no SQL."""
