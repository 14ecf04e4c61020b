"""`python -m cxrlabel`: the same as the `cxrlabel` console command."""

from ._command import main

main()
