"""The print road: newspaper editions, business cards, posters and tri-fold brochures, rendered
by WeasyPrint.

Jinja2 templates and CSS paged media in templates/, fonts shipped in fonts/ (their coverage of ə,
İ and Cyrillic checked by fonts.py). Python plans and fills templates (newspaper.py, cards.py,
posters.py, trifold.py, products.py), lays out and writes PDFs safely (render.py: the project-only
fetcher, PDF/X-4 and PDF/UA-1), fits copy (copyfit.py), imposes card sheets (impose.py), and
renders into the cache with manifests the web road reads (build.py for editions, catalogue.py for
products). WeasyPrint and pyphen internals are fenced in columns.py, weasy_internals.py and
hyphenation.py.
"""
