# SPDX-License-Identifier: GPL-2.0-only
#
# Sphinx configuration for the nr-security module chapter.
#
# Build (Debian 12: apt-get install python3-sphinx):
#   python3 -m sphinx -W -b html doc build/doc/html
#
# The chapter (nr-security.rst) is written as an ns-3 module chapter, so that it can also be
# dropped into ns-3's doc/models tree unchanged; index.rst is only the master document of this
# standalone build.

project = "nr-security"
author = "nr-security contributors"
copyright = "nr-security contributors, GPL-2.0-only"
version = "0.1"
release = "0.1.0"

master_doc = "index"
root_doc = "index"
source_suffix = {".rst": "restructuredtext"}
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
templates_path = []
extensions = []

# The chapter sets ".. highlight:: cpp" as ns-3 chapters do.
highlight_language = "cpp"
pygments_style = "sphinx"

# Quotes in the chapter are literal ("tx"/"rx", "NEA2"), not typographic.
smartquotes = False

html_theme = "alabaster"
html_title = "nr-security: 5G NR Access Stratum security for ns-3"
html_static_path = []
html_show_sourcelink = False
