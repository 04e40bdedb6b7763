"""`cpsites edit`: a local, offline browser editor (Decap CMS) for one department.

config.py derives Decap's configuration from the content model; labels.py holds the field labels
in az/ru/en; run.py starts decap-server (git mode, 127.0.0.1), the admin page and the preview.
Decap itself is an npm install in cpsites/editor/npm (pinned by its lock file, installed by make).
"""
