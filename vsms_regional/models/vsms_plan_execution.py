from collections import defaultdict

from odoo import fields, models
from odoo.tools import format_date

from ..tools import guard
from .vsms_plan_item_execution import COMMENT_KEY

# Statuses of an item in the plan-execution report, in the summary's order.
EXECUTION_STATES = (
    "done",
    "partial",
    "in_progress",
    "planned",
    "missed",
    "cancelled",
    "unscheduled",
)


class VsmsPlan(models.Model):
    _inherit = "vsms.plan"  # pylint: disable=consider-merging-classes-inherited

    def _check_editable(self):
        if guard.allowed(COMMENT_KEY):
            return
        return super()._check_editable()

    def _execution_state_labels(self):
        return {
            "done": self.env._("Done"),
            "partial": self.env._("Partly done"),
            "in_progress": self.env._("In progress"),
            "planned": self.env._("Planned"),
            "missed": self.env._("Missed"),
            "cancelled": self.env._("Cancelled"),
            "unscheduled": self.env._("Not scheduled"),
        }

    def _execution_report_data(self, date_from, date_to, label=""):
        """Everything the plan-execution report prints for the period
        ``date_from``–``date_to`` (both included), as plain dicts, lists,
        strings and numbers: the QWeb and DOCX renderers only lay it out.

        The items whose occurrences share a day with the period, and the
        items not scheduled yet; for each item the occurrences in the period
        and what realised them (meetings, events and the other realisation
        models of ``vsms.plan.occurrence._vsms_realization_models()``, by
        name and day), the participants planned (the item's figure) and
        registered / actual (the occurrences' figures), the publications
        published in the period, the decisions adopted at its meetings,
        its status in the period and its comment.

        The number of queries does not depend on the number of items,
        occurrences, meetings, events or registrations: everything is read
        with one search per model.
        """
        self.ensure_one()
        env = self.env
        today = fields.Date.context_today(self)
        labels = self._execution_state_labels()

        def day_text(day):
            return format_date(env, day) if day else ""

        items = env["vsms.plan.item"].search_read(
            [("plan_id", "=", self.id)],
            [
                "number",
                "name",
                "venue",
                "schedule_text",
                "section_id",
                "participants_planned",
                "participants_note",
                "execution_comment",
                "occurrence_count",
            ],
            order="number, id",
            load=None,
        )
        sections = env["vsms.plan.section"].search_read(
            [("plan_id", "=", self.id)], ["name"], order="sequence, id"
        )
        occurrences = env["vsms.plan.occurrence"].search_read(
            [
                ("plan_id", "=", self.id),
                ("date_start", "<=", date_to),
                ("date_end", ">=", date_from),
            ],
            [
                "item_id",
                "name",
                "state",
                "date_start",
                "date_end",
                "participants_registered",
                "participants_actual",
                "is_realized",
            ],
            order="date_start, date_end, id",
            load=None,
        )
        occurrences_by_item = defaultdict(list)
        for occurrence in occurrences:
            occurrences_by_item[occurrence["item_id"]].append(occurrence)
        occurrence_ids = [occurrence["id"] for occurrence in occurrences]
        item_ids = [item["id"] for item in items]

        # What realised the occurrences: one search per realisation model; a
        # record linked to the item without an occurrence counts when its day
        # falls in the period.  Cancelled meetings and contests did not take
        # place.
        held_by_item = defaultdict(list)
        meeting_item = {}
        Occurrence = env["vsms.plan.occurrence"]
        for model in Occurrence._vsms_realization_models():
            Model = env[model]
            records = Model.search(
                [
                    ("vsms_plan_item_id", "in", item_ids),
                    "|",
                    ("vsms_occurrence_id", "in", occurrence_ids),
                    ("vsms_occurrence_id", "=", False),
                ]
            )
            for record in records:
                if (
                    record._fields.get("vsms_meeting_state")
                    and record.vsms_meeting_state == "cancelled"
                ) or (record._fields.get("state") and record.state == "cancelled"):
                    continue
                day = record._vsms_start_day()
                if not record.vsms_occurrence_id and not (
                    day and date_from <= day <= date_to
                ):
                    continue
                item_id = record.vsms_plan_item_id.id
                held_by_item[item_id].append(
                    {
                        "name": record.display_name,
                        "date": day,
                        "date_text": day_text(day),
                    }
                )
                if model == "calendar.event":
                    meeting_item[record.id] = item_id

        decisions_by_item = defaultdict(list)
        for decision in env["vsms.decision"].search_read(
            [
                ("meeting_id", "in", list(meeting_item)),
                ("state", "in", ("adopted", "done")),
            ],
            ["meeting_id", "number", "name", "date"],
            order="date, number, id",
            load=None,
        ):
            decisions_by_item[meeting_item[decision["meeting_id"]]].append(
                {
                    "number": decision["number"] or "",
                    "name": decision["name"] or "",
                    "date_text": day_text(decision["date"]),
                }
            )

        publications_by_item = defaultdict(list)
        for publication in env["vsms.publication"].search_read(
            [
                ("vsms_plan_item_id", "in", item_ids),
                ("state", "=", "published"),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            ["vsms_plan_item_id", "name", "date"],
            order="date, id",
            load=None,
        ):
            publications_by_item[publication["vsms_plan_item_id"]].append(
                {
                    "name": publication["name"],
                    "date_text": day_text(publication["date"]),
                }
            )

        summary = dict.fromkeys(EXECUTION_STATES, 0) | {
            "items": 0,
            "occurrences": 0,
            "occurrences_done": 0,
            "held": 0,
            "participants_planned": 0,
            "participants_registered": 0,
            "participants_actual": 0,
            "publications": 0,
            "decisions": 0,
        }
        rows_by_section = defaultdict(list)
        for item in items:
            own = occurrences_by_item.get(item["id"], [])
            if not own and item["occurrence_count"]:
                continue  # scheduled, but not in this period
            status = self._execution_item_state(own, today)
            held = sorted(
                held_by_item.get(item["id"], []),
                key=lambda entry: (entry["date"] or date_to, entry["name"]),
            )
            row = {
                "id": item["id"],
                "number": item["number"],
                "name": item["name"],
                "venue": item["venue"] or "",
                "schedule": item["schedule_text"] or "",
                "occurrences": [
                    {
                        "name": occurrence["name"],
                        "state": occurrence["state"],
                        "date_start": occurrence["date_start"],
                        "date_end": occurrence["date_end"],
                    }
                    for occurrence in own
                ],
                "held": held,
                "participants_planned": item["participants_planned"] or 0,
                "participants_note": item["participants_note"] or "",
                "participants_registered": sum(
                    occurrence["participants_registered"] for occurrence in own
                ),
                "participants_actual": sum(
                    occurrence["participants_actual"] for occurrence in own
                ),
                "publications": publications_by_item.get(item["id"], []),
                "decisions": decisions_by_item.get(item["id"], []),
                "status": status,
                "status_label": labels[status],
                "comment": item["execution_comment"] or "",
            }
            rows_by_section[item["section_id"] or False].append(row)
            summary["items"] += 1
            summary[status] += 1
            summary["occurrences"] += sum(
                1 for occurrence in own if occurrence["state"] != "cancelled"
            )
            summary["occurrences_done"] += sum(
                1 for occurrence in own if occurrence["state"] == "done"
            )
            summary["held"] += len(row["held"])
            for key in (
                "participants_planned",
                "participants_registered",
                "participants_actual",
            ):
                summary[key] += row[key]
            summary["publications"] += len(row["publications"])
            summary["decisions"] += len(row["decisions"])

        groups = [{"name": "", "items": rows_by_section.get(False, [])}] + [
            {"name": section["name"], "items": rows_by_section.get(section["id"], [])}
            for section in sections
        ]
        return {
            "plan": {"id": self.id, "name": self.name, "year": self.year},
            "period": {
                "date_from": date_from,
                "date_to": date_to,
                "label": label,
                "text": f"{day_text(date_from)} – {day_text(date_to)}",
            },
            "state_labels": labels,
            "summary": summary,
            "sections": [group for group in groups if group["items"]],
        }

    @staticmethod
    def _execution_item_state(occurrences, today):
        """The item's status in the period from its occurrences there: done
        when all are done (or over and realised), missed when none is done
        and none can still be (missed, or planned and over), in progress
        while some are still open and the first has begun (or one is done),
        partly done when the period is over with some done and some missed."""
        if not occurrences:
            return "unscheduled"
        active = [occ for occ in occurrences if occ["state"] != "cancelled"]
        if not active:
            return "cancelled"
        # a planned occurrence that is over but was realised (a meeting, an
        # event, a contest ...) took place: it only waits to be marked done
        done = [
            occ
            for occ in active
            if occ["state"] == "done"
            or (
                occ["state"] == "planned"
                and occ["date_end"] < today
                and occ["is_realized"]
            )
        ]
        open_ = [
            occ
            for occ in active
            if occ["state"] == "planned" and occ["date_end"] >= today
        ]
        if len(done) == len(active):
            return "done"
        if open_:
            started = done or any(occ["date_start"] <= today for occ in active)
            return "in_progress" if started else "planned"
        return "partial" if done else "missed"
