"""Every example in a docstring of the generator is run: an example is a promise like any other."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import generator


def test_docstring_examples_hold() -> None:
    failed, attempted = {}, {}
    for info in pkgutil.walk_packages(generator.__path__, "generator."):
        result = doctest.testmod(importlib.import_module(info.name), optionflags=doctest.ELLIPSIS)
        attempted[info.name] = result.attempted
        if result.failed:
            failed[info.name] = f"{result.failed} of {result.attempted}"
    assert failed == {}
    # The modules known to carry examples were found and their examples run.
    assert attempted["generator.source.editor_html"] >= 5 and attempted["generator.engine.csp"] >= 2, attempted
