/// cxrlabel's version: the command-line tool's `--version`, the C interface's `cxrlabel_version` and the Python
/// package's version (python/setup.py reads it from this file) all say this.
public let cxrlabelVersion = "0.2.0"
