"""geo's shipped data, installed as the package `geo._layers` (see pyproject.toml and
geo/data.py): base/ holds the base layers, gazetteer/ the curated tables of the gazetteer
build, incidents/ the founding case's claims file. What each file is, where it comes from and
its licence: layers/README.md."""
