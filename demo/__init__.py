"""The bundled offline demo: a local feed server, a webhook receiver and the `layoffwatch demo` command."""
