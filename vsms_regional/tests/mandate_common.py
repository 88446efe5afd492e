from .common import VsmsContactCommon


class VsmsMandateCommon(VsmsContactCommon):
    """A municipal election in Вязьма with two districts and a candidate, a
    federal election with a district without a municipality, and a helper
    to register voters' mandates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Mandate = cls.env["vsms.mandate"]
        cls.Topic = cls.env["vsms.mandate.topic"]
        cls.topic_roads = cls.env.ref("vsms_regional.vsms_mandate_topic_roads")
        cls.topic_housing = cls.env.ref("vsms_regional.vsms_mandate_topic_housing")
        cls.election = cls.env["vsms.election"].create(
            {
                "name": "Выборы депутатов Вяземского районного Совета депутатов",
                "level": "municipal",
                "municipality_id": cls.vyazma.id,
                "date_start": "2030-09-13",
                "date_end": "2030-09-15",
            }
        )
        District = cls.env["vsms.election.district"]
        cls.district_center = District.create(
            {
                "election_id": cls.election.id,
                "number": 1,
                "name": "Центральный",
                "municipality_id": cls.vyazma.id,
            }
        )
        cls.district_north = District.create(
            {
                "election_id": cls.election.id,
                "number": 2,
                "name": "Северный",
                "municipality_id": cls.vyazma.id,
            }
        )
        cls.candidate = cls.env["vsms.candidate"].create(
            {
                "election_id": cls.election.id,
                "district_id": cls.district_center.id,
                "partner_id": cls.deputy.id,
            }
        )
        cls.duma = cls.env["vsms.election"].create(
            {
                "name": "Выборы депутатов Государственной Думы (тест)",
                "level": "federal",
                "date_start": "2030-09-13",
                "date_end": "2030-09-15",
            }
        )
        cls.district_duma = District.create(
            {"election_id": cls.duma.id, "number": 175, "name": "Смоленский"}
        )

    @classmethod
    def make_mandate(cls, env=None, **vals):
        env = env or cls.env
        return env["vsms.mandate"].create(
            {
                "name": "Отремонтировать дорогу по ул. Ленина",
                "date": "2030-06-01",
                "author_name": "Жители д. 5 по ул. Ленина",
                "signatures": 34,
            }
            | vals
        )
