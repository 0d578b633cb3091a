"""Quotes: finding candidate quotes in a text, and storing and querying them."""
