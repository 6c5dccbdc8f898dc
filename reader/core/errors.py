"""The one error type the public API raises."""


class ExtractionError(Exception):
    """Input that cannot be read as a page (binary data, unknown encoding...).

    The message is one line meant for the user, e.g. "not a web page: looks like a PNG image".
    """
