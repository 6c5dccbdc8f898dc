"""Widgets of the app: the article pane and the sidebar lists."""
