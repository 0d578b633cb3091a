"""The codebook: facets and codes, read from YAML and kept in the project database."""

from coder.codebook.load import CodebookError, Problem, check_codebook, load_codebook
from coder.codebook.model import Code, Codebook, Facet
from coder.codebook.sync import SyncReport, codebook_from_db, sync_codebook

__all__ = ["Code", "Codebook", "CodebookError", "Facet", "Problem", "SyncReport", "check_codebook",
           "codebook_from_db", "load_codebook", "sync_codebook"]
