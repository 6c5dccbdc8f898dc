"""Screens of the app: home, reader, help and dialogs."""
