"""The web road: our MkDocs plugin and what it generates. The only package that imports MkDocs."""
