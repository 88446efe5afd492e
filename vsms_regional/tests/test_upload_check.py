from odoo.tests import BaseCase, tagged

from ..tools.uploads import UploadRefused, check_upload, kind_of_content
from .upload_samples import DOCX_TYPE, EXE, JPG, PDF, docx_bytes, plain_zip_bytes

MB = 1024 * 1024


@tagged("post_install", "-at_install")
class TestUploadCheck(BaseCase):
    """Which documents the public forms accept, without a database."""

    def refused(self, reason, *args):
        with self.assertRaises(UploadRefused) as caught:
            check_upload(*args)
        self.assertEqual(caught.exception.reason, reason)
        self.assertEqual(caught.exception.filename, args[0])

    def test_accepted_kinds(self):
        self.assertEqual(check_upload("Анкета.PDF", "application/pdf", PDF, MB), "pdf")
        self.assertEqual(check_upload("фото.jpeg", "image/jpeg", JPG, MB), "jpg")
        self.assertEqual(check_upload("a.jpg", "image/jpeg; x=1", JPG, MB), "jpg")
        self.assertEqual(
            check_upload("отчёт.docx", DOCX_TYPE, docx_bytes(), MB), "docx"
        )

    def test_program_renamed_pdf(self):
        self.refused("content", "программа.pdf", "application/pdf", EXE, MB)

    def test_declared_type_must_match_the_name(self):
        self.refused("type", "scan.pdf", "image/jpeg", PDF, MB)
        self.refused("type", "scan.pdf", "application/octet-stream", PDF, MB)
        self.refused("type", "scan.pdf", "", PDF, MB)

    def test_content_must_match_the_name(self):
        self.refused("content", "photo.jpg", "image/jpeg", PDF, MB)
        self.refused("content", "report.docx", DOCX_TYPE, plain_zip_bytes(), MB)
        self.refused("content", "report.docx", DOCX_TYPE, b"PK\x03\x04broken", MB)

    def test_other_extensions(self):
        self.refused("extension", "setup.exe", "application/pdf", PDF, MB)
        self.refused("extension", "pdf", "application/pdf", PDF, MB)
        self.refused("extension", "doc.doc", "application/msword", b"x", MB)

    def test_size_and_empty(self):
        self.assertEqual(check_upload("a.pdf", "application/pdf", PDF, len(PDF)), "pdf")
        self.refused("size", "a.pdf", "application/pdf", PDF, len(PDF) - 1)
        self.refused("empty", "a.pdf", "application/pdf", b"", MB)

    def test_kind_of_content(self):
        self.assertIsNone(kind_of_content(b""))
        self.assertIsNone(kind_of_content(EXE))
        self.assertEqual(kind_of_content(docx_bytes()), "docx")
