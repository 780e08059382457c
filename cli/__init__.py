"""The command line (`layoffwatch`), the HTML report renderer and the schema docs generator."""
