"""PDF to one normalised, page-anchored text.

``extract_pdf`` is the one entry point the rest of coder uses.
"""

from coder.extraction.model import Block, Extraction, PageSpan
from coder.extraction.pdf import ExtractionError, extract_pdf

__all__ = ["Block", "Extraction", "ExtractionError", "PageSpan", "extract_pdf"]
