"""Exports: coded-quote tables, report sections, code matrices, REFI-QDA exchange files."""
