"""The functional core: the chart, the catalog, the questionnaire and the
scoring. Pure code over frozen dataclasses; it never prints or reads files."""
