from odoo import fields

from .common import VsmsContactCommon


class ElectionCommon(VsmsContactCommon):
    """A municipal election in September 2030 with a single-mandate, a
    three-seat and a party-list district, and helpers to stand candidates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Election = cls.env["vsms.election"]
        cls.District = cls.env["vsms.election.district"]
        cls.Candidate = cls.env["vsms.candidate"]
        cls.Participation = cls.env["vsms.election.participation"]
        cls.election = cls.Election.create(
            {
                "name": "Выборы депутатов Совета депутатов Вяземского округа",
                "level": "municipal",
                "body_name": "Совет депутатов Вяземского муниципального округа",
                "municipality_id": cls.vyazma.id,
                "date_start": "2030-09-13",
                "date_end": "2030-09-15",
            }
        )
        cls.single = cls.make_district(cls.election, 1, "Центральный")
        cls.multi = cls.make_district(
            cls.election, 2, "Северный", kind="multi", seats=3
        )
        cls.party_list = cls.make_district(
            cls.election, 0, "Единый округ", kind="list", seats=10
        )

    @classmethod
    def make_district(cls, election, number, name, **vals):
        return cls.env["vsms.election.district"].create(
            {"election_id": election.id, "number": number, "name": name} | vals
        )

    @classmethod
    def make_candidate(cls, district, name, state="registered", **vals):
        """A candidate standing in ``district`` (its election must be in a
        status that allows ``state``)."""
        last, first, patronymic = name.split(" ")
        partner = cls.make_person(last, first, patronymic)
        return cls.env["vsms.candidate"].create(
            {
                "election_id": district.election_id.id,
                "district_id": district.id,
                "partner_id": partner.id,
                "state": state,
            }
            | vals
        )

    def stand(self, district, names):
        """Registered candidates of ``district`` (its election in campaign),
        in the order of ``names``."""
        candidates = self.Candidate
        for name in names:
            candidates |= self.make_candidate(district, name)
        return candidates

    @staticmethod
    def vote(candidates, votes):
        for candidate, count in zip(candidates, votes, strict=True):
            candidate.votes = count

    def today(self):
        return fields.Date.context_today(self.env["vsms.election"])

    def flush_tracking(self):
        """Write the tracked changes made so far (Odoo logs them at commit)."""
        self.env.flush_all()
        self.env.cr.precommit.run()
