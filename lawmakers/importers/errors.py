class DataFileError(Exception):
    """A data file cannot be imported; the message names the file and the record."""

    def __init__(self, file: str, message: str, record: str = ""):
        self.file = file
        self.record = record
        where = f"{file}, {record}" if record else file
        super().__init__(f"{where}: {message}")


class DownloadError(DataFileError):
    """A file could not be downloaded (network, HTTP error): worth a later retry."""


class MissingFile(DataFileError):
    """The file (or URL) does not exist."""
