"""The pure core: models and the extraction pipeline, with no UI and no I/O."""
