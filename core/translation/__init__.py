"""The translation loop: starting a translation without publishing it
(start.py), translating and submitting for review in wagtail-localize's
editor (editor.py, review.py), keeping sources in step on publish (sync.py),
and the dashboard of where every translation stands (status.py, views.py).
Generic over translatable models: nothing here imports a domain app."""
