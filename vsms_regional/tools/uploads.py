"""Which uploaded documents a public form accepts (pure functions).

A document is accepted when its extension, the content type the browser
declared and its first bytes (the "magic") all say the same kind: PDF, JPEG
or DOCX (a zip holding ``word/document.xml``).  A program renamed
``.pdf`` fails on its magic, a PDF sent as ``image/jpeg`` on its type.
"""

import io
import os
import zipfile

# kind: (extensions, content types a browser declares for it)
KINDS = {
    "pdf": ({".pdf"}, {"application/pdf", "application/x-pdf"}),
    "jpg": ({".jpg", ".jpeg"}, {"image/jpeg", "image/pjpeg"}),
    "docx": (
        {".docx"},
        {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    ),
}
ALLOWED_EXTENSIONS = ", ".join(
    sorted(ext for extensions, _types in KINDS.values() for ext in extensions)
)


class UploadRefused(ValueError):
    """Why a file is refused: ``reason`` is one of ``empty``, ``size``,
    ``extension``, ``type``, ``content``."""

    def __init__(self, reason, filename):
        super().__init__(reason, filename)
        self.reason = reason
        self.filename = filename


def kind_of_extension(filename):
    """The kind the file name's extension claims, or None."""
    ext = os.path.splitext((filename or "").lower())[1]
    for kind, (extensions, _types) in KINDS.items():
        if ext in extensions:
            return kind
    return None


def kind_of_content(data):
    """The kind the first bytes of ``data`` show, or None."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, ValueError):
            return None
        if "word/document.xml" in names and "[Content_Types].xml" in names:
            return "docx"
    return None


def check_upload(filename, content_type, data, max_bytes):
    """The kind of an acceptable document; raises UploadRefused otherwise.

    ``content_type`` is what the browser declared (parameters such as
    ``; charset=`` are ignored); ``data`` the whole content (at most
    ``max_bytes + 1`` bytes need be read to tell it is too big)."""
    if not data:
        raise UploadRefused("empty", filename)
    if len(data) > max_bytes:
        raise UploadRefused("size", filename)
    kind = kind_of_extension(filename)
    if not kind:
        raise UploadRefused("extension", filename)
    declared = (content_type or "").split(";")[0].strip().lower()
    if declared not in KINDS[kind][1]:
        raise UploadRefused("type", filename)
    if kind_of_content(data) != kind:
        raise UploadRefused("content", filename)
    return kind
