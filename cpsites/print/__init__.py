"""The print road: newspaper issues (and later cards, brochures, posters) rendered by WeasyPrint.

Jinja2 templates and CSS paged media in templates/, fonts shipped in fonts/, Python only plans
and fills templates (newspaper.py), renders safely (render.py) and checks the result (preflight.py).
"""
