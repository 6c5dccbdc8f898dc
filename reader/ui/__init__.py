"""The Textual app: the only layer of Broadsheet that imports Textual."""
