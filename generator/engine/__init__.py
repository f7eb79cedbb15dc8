"""How a build runs: the MkDocs glue (plugin, its options, files, Markdown and HTML repairs),
the worker that shares the stages, the preview's memory, and publishing all at once.
"""
