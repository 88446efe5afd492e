import base64
import io

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import tagged

from .election_common import ElectionCommon


@tagged("post_install", "-at_install")
class TestElectionResultImport(ElectionCommon):
    def setUp(self):
        super().setUp()
        self.election.action_campaign()
        self.orlov, self.belova = self.stand(
            self.single, ["Орлов Пётр Ильич", "Белова Мария Андреевна"]
        )
        self.semenov, self.zaitsev = self.stand(
            self.multi, ["Семёнов Алексей Андреевич", "Зайцев Олег Павлович"]
        )
        self.listed = self.make_candidate(self.party_list, "Громов Артём Сергеевич")
        self.withdrawn = self.make_candidate(self.multi, "Фомин Юрий Ильич")
        self.withdrawn.action_withdraw()
        self.election.action_voting()
        self.all = self.orlov | self.belova | self.semenov | self.zaitsev | self.listed

    def run_import(self, content, filename="итоги.csv"):
        if isinstance(content, str):
            content = content.encode("utf-8")
        wizard = self.env["vsms.election.result.import"].create(
            {
                "election_id": self.election.id,
                "file": base64.b64encode(content),
                "filename": filename,
            }
        )
        return wizard.action_import()

    def test_csv_with_header(self):
        self.run_import(
            "Номер округа,ФИО кандидата,Голоса\n"
            "1,Орлов Пётр Ильич,1200\n"
            "1,белова мария андреевна,800\n"
            "2,Семенов Алексей Андреевич,300\n"
            "2,Зайцев О.П.,150\n"
            ",Громов Артём Сергеевич,90\n"
        )
        self.assertEqual(self.all.mapped("votes"), [1200, 800, 300, 150, 90])
        self.assertEqual(self.orlov.vote_share, 60.0)
        self.assertEqual(self.belova.district_rank, 2)
        self.assertIn("итоги.csv", self.election.message_ids[:1].body)

    def test_csv_cp1251_semicolons(self):
        self.run_import(
            "1;Орлов Пётр Ильич;1 200\n1;Белова Мария Андреевна;800\n".encode("cp1251")
        )
        self.assertEqual((self.orlov | self.belova).mapped("votes"), [1200, 800])

    def test_xlsx(self):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Округ", "Кандидат", "Голоса"])
        sheet.append([1, "Орлов Пётр Ильич", 1200])
        sheet.append([2, "Семёнов Алексей Андреевич", 300.0])
        sheet.append([None, None, None])
        sheet.append([None, "Громов Артём Сергеевич", 90])
        buffer = io.BytesIO()
        book.save(buffer)
        self.run_import(buffer.getvalue(), "итоги.xlsx")
        self.assertEqual(
            (self.orlov | self.semenov | self.listed).mapped("votes"), [1200, 300, 90]
        )

    def test_errors_are_listed_and_nothing_is_saved(self):
        namesake = self.make_person("Семенов", "Андрей", "Александрович")
        self.Candidate.create(
            {
                "election_id": self.election.id,
                "district_id": self.multi.id,
                "partner_id": namesake.id,
                "state": "proposed",
            }
        )
        with self.assertRaises(UserError) as caught:
            self.run_import(
                "1,Орлов Пётр Ильич,1200\n"  # fine
                "1,Сидоров Иван Петрович,10\n"  # unknown
                "2,Семенов А.А.,300\n"  # ambiguous
                "9,Белова Мария Андреевна,5\n"  # no such district
                "1,Белова Мария Андреевна,-5\n"  # negative
                "2,Зайцев Олег Павлович,много\n"  # not a number
                "2,Фомин Юрий Ильич,7\n"  # withdrawn
                "1,Орлов П.И.,1300\n"  # twice
            )
        message = str(caught.exception)
        for text in (
            "Сидоров Иван Петрович",
            "Семенов А.А.",
            "Семёнов Алексей Андреевич",
            "Семенов Андрей Александрович",
            "«9»",
            "«-5»",
            "«много»",
            "Фомин Юрий Ильич",
            self.withdrawn._state_label("withdrawn"),
        ):
            self.assertIn(text, message)
        for row in range(2, 9):
            self.assertIn(f" {row}:", message)
        self.assertEqual(set(self.all.mapped("votes")), {0})

    def test_only_after_voting_started(self):
        election = self.Election.create(
            {
                "name": "Выборы главы",
                "date_start": "2030-09-13",
                "date_end": "2030-09-15",
            }
        )
        wizard = self.env["vsms.election.result.import"].create(
            {
                "election_id": election.id,
                "file": base64.b64encode(b"1,X Y Z,1\n"),
                "filename": "x.csv",
            }
        )
        with self.assertRaisesText(UserError, election._state_label("planned")):
            wizard.action_import()

    def test_unreadable_file(self):
        with self.assertRaisesText(UserError, "итоги.xlsx"):
            self.run_import(b"not a workbook", "итоги.xlsx")
        with self.assertRaisesText(UserError, "пусто.csv"):
            self.run_import(b"\n\n", "пусто.csv")
