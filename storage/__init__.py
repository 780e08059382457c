"""The only place with SQL: connections, migrations and one module per thing stored."""
