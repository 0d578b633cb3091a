"""Project storage: the SQLite file, its schema migrations and project set-up."""
