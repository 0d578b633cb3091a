"""REFI-QDA (QDA-XML 1.0) exchange: `.qdc` codebooks and `.qdpx` projects, out and in.

GUIDs are derived from content (uuid5 of code keys, coder names, document hashes and
offsets), so exporting the same project twice, or exporting a project imported from our
own export, gives the same identifiers.

Facts other tools do not model travel in bracketed markers at the start of a
`Description` (facet key and mode, code key, quote origin and speaker, page breaks);
other tools show them as text and ignore them.

Reading (`read`) takes what real tools write: `archive` finds the project file and the
source files in the zip, `texts` normalises each text and carries selection offsets
through it, `codetree` turns code trees into facets and codes, `summary` accounts for
every code and coding. Writing (`write`) puts texts and PDFs in `sources/`.
"""

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_NS = "urn:QDA-XML:project:1.0"
