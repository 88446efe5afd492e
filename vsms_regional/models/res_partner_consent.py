"""Contacts: personal-data consents (152-ФЗ) and who may be mailed."""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import SQL

from ..const import USER_GROUP


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    vsms_consent_ids = fields.One2many(
        "vsms.consent", "partner_id", string="Consents", groups=USER_GROUP
    )
    # Who holds which consent is personal data: ВСМС staff only.  Code that
    # must honour consents for anyone (mailings) goes through the SQL domains
    # below, never through these fields.
    vsms_processing_allowed = fields.Boolean(
        string="Processing allowed",
        compute="_compute_vsms_consents",
        search="_search_vsms_processing_allowed",
        groups=USER_GROUP,
    )
    vsms_publication_allowed = fields.Boolean(
        string="Publication allowed",
        compute="_compute_vsms_consents",
        search="_search_vsms_publication_allowed",
        groups=USER_GROUP,
    )
    vsms_mailing_allowed = fields.Boolean(
        string="Mailing allowed",
        compute="_compute_vsms_consents",
        search="_search_vsms_mailing_allowed",
        groups=USER_GROUP,
        help="An active mailing consent and an e-mail that is not blacklisted.",
    )

    # Finds the people behind a blacklisted address (and the people behind
    # the addresses of a mailing batch) without reading the whole table.
    _vsms_email_normalized_idx = models.Index("(email_normalized)")

    @api.model
    def _vsms_consents_query(self, kind, in_force=True, unless_blacklisted=False):
        """Query over the consents of ``kind`` (those in force today if
        ``in_force``; only those of people whose address is not blacklisted
        if ``unless_blacklisted``), and the SQL of their ``partner_id``.

        As the superuser: the consents are hidden from users outside ВСМС,
        yet a mailing they send must still honour them."""
        Consent = self.env["vsms.consent"].sudo()
        consents = Consent._search(
            Consent._active_domain(kind) if in_force else Domain("kind", "=", kind)
        )
        partner_id = Consent._field_to_sql(consents.table, "partner_id", consents)
        if unless_blacklisted:
            consents.add_where(
                SQL("%s NOT IN (%s)", partner_id, self._vsms_blacklisted_ids_sql())
            )
        return consents, partner_id

    @api.model
    def _vsms_consent_domain(
        self, kind, in_force=True, unless_blacklisted=False, negate=False
    ):
        """Partners holding a consent of ``kind`` (see
        ``_vsms_consents_query``); those who don't if ``negate``.

        A correlated ``EXISTS`` (no ``id IN (subquery)``), and its negation a
        plain ``NOT EXISTS`` (not ``~domain``, which gives ``(…) IS NOT
        TRUE``): PostgreSQL runs them as a semi- or anti-join, so «without
        mailing consent» is about as fast as a core filter on a relation
        (contacts without tags).  Combine it with AND only: under an OR, an
        ``EXISTS`` is costed per row, and the query is JIT-compiled."""

        def to_sql(model, alias, query):
            consents, partner_id = self._vsms_consents_query(
                kind, in_force=in_force, unless_blacklisted=unless_blacklisted
            )
            consents.add_where(SQL("%s = %s", partner_id, SQL.identifier(alias, "id")))
            return SQL(
                "NOT EXISTS(%s)" if negate else "EXISTS(%s)",
                consents.subselect(SQL("1")),
            )

        return Domain.custom(to_sql=to_sql)

    @api.model
    def _vsms_blacklisted_ids_sql(self):
        """SQL: the ids of partners (archived too) whose address is
        blacklisted."""
        Blacklist = self.env["mail.blacklist"]
        return SQL(
            "SELECT bl_partner.id FROM mail_blacklist bl "
            "JOIN res_partner bl_partner ON %s = %s WHERE %s",
            SQL.identifier(
                "bl_partner",
                "email_normalized",
                to_flush=self._fields["email_normalized"],
            ),
            SQL.identifier("bl", "email", to_flush=Blacklist._fields["email"]),
            SQL.identifier("bl", "active", to_flush=Blacklist._fields["active"]),
        )

    @api.model
    def _vsms_mailable_domain(self, negate=False):
        """Who may receive a mailing: active consent, address not blacklisted
        (who may not, if ``negate``)."""
        return self._vsms_consent_domain(
            "mailing", unless_blacklisted=True, negate=negate
        )

    @api.model
    def _vsms_mailing_recipient_domain(self):
        """Whom a mass mailing may reach (152-ФЗ): a person of the contact
        base, or anyone who ever gave a mailing consent, only while a mailing
        consent is in force and their address is not blacklisted; anyone else
        as Odoo decides (its own blacklist and opt-outs).

        An OR of ``IN (subquery)``: PostgreSQL hashes each subquery once
        (correlated ``EXISTS`` under an OR would be costed per row)."""

        def to_sql(model, alias, query):
            mailable, mailable_id = self._vsms_consents_query(
                "mailing", unless_blacklisted=True
            )
            consented, consented_id = self._vsms_consents_query(
                "mailing", in_force=False
            )
            return SQL(
                "(%(id)s IN (%(mailable)s) OR (%(in_base)s IS NOT TRUE"
                " AND %(id)s NOT IN (%(consented)s)))",
                id=SQL.identifier(alias, "id"),
                in_base=model._field_to_sql(alias, "vsms_in_base", query),
                mailable=mailable.subselect(mailable_id),
                consented=consented.subselect(consented_id),
            )

        return Domain.custom(to_sql=to_sql)

    @api.model
    def _vsms_unmailable_emails(self, emails):
        """Of the normalized ``emails``, the addresses a mass mailing must
        not reach, whatever the model of its recipients (mailing list
        contacts, leads, registrations, contacts): those of a person of the
        contact base (archived too) or of anyone who ever gave a mailing
        consent, unless one of them holds a mailing consent in force given
        since the last withdrawal at that address, and the address is not
        blacklisted.  Addresses of anyone else are left to Odoo.  One query."""
        emails = sorted({email for email in emails if email})
        if not emails:
            return set()
        Consent = self.env["vsms.consent"].sudo()
        # the condition of a consent in force, on the joined table below
        in_force = Consent._search(Consent._active_domain("mailing"))
        today = fields.Date.context_today(self)
        Blacklist = self.env["mail.blacklist"]
        rows = self.env.execute_query(
            SQL(
                """
                SELECT p.email_normalized
                  FROM res_partner p
             LEFT JOIN vsms_consent ON %(partner_id)s = p.id AND %(kind)s = 'mailing'
                 WHERE %(email)s IN %(emails)s
              GROUP BY p.email_normalized
                HAVING bool_or(%(in_base)s OR vsms_consent.id IS NOT NULL)
                   AND (MAX(%(date_given)s) FILTER (WHERE %(in_force)s) IS NULL
                        OR MAX(%(date_given)s) FILTER (WHERE %(in_force)s)
                           < MAX(%(date_withdrawn)s)
                             FILTER (WHERE %(date_withdrawn)s <= %(today)s)
                        OR p.email_normalized IN (%(blacklist)s))
                """,
                partner_id=Consent._field_to_sql(Consent._table, "partner_id"),
                kind=Consent._field_to_sql(Consent._table, "kind"),
                date_given=Consent._field_to_sql(Consent._table, "date_given"),
                date_withdrawn=Consent._field_to_sql(Consent._table, "date_withdrawn"),
                in_force=in_force.where_clause,
                email=SQL.identifier(
                    "p", "email_normalized", to_flush=self._fields["email_normalized"]
                ),
                in_base=SQL.identifier(
                    "p", "vsms_in_base", to_flush=self._fields["vsms_in_base"]
                ),
                emails=tuple(emails),
                today=today,
                blacklist=SQL(
                    "SELECT bl.email FROM mail_blacklist bl WHERE %s",
                    SQL.identifier(
                        "bl", "active", to_flush=Blacklist._fields["active"]
                    ),
                    to_flush=Blacklist._fields["email"],
                ),
            )
        )
        return {email for (email,) in rows}

    @api.depends("vsms_consent_ids.kind", "vsms_consent_ids.state", "is_blacklisted")
    @api.depends_context("date")
    def _compute_vsms_consents(self):
        Consent = self.env["vsms.consent"].sudo()
        allowed = {
            (partner.id, kind)
            for partner, kind in Consent._read_group(
                Domain("partner_id", "in", self.ids) & Consent._active_domain(),
                ["partner_id", "kind"],
            )
        }
        for partner in self:
            pid = partner._origin.id
            partner.vsms_processing_allowed = (pid, "processing") in allowed
            partner.vsms_publication_allowed = (pid, "publication") in allowed
            partner.vsms_mailing_allowed = (
                pid,
                "mailing",
            ) in allowed and not partner.is_blacklisted

    def _search_vsms_processing_allowed(self, operator, value):
        return self._vsms_search_consent("processing", operator, value)

    def _search_vsms_publication_allowed(self, operator, value):
        return self._vsms_search_consent("publication", operator, value)

    def _search_vsms_mailing_allowed(self, operator, value):
        return self._vsms_search_flag(
            "vsms_mailing_allowed", self._vsms_mailable_domain, operator, value
        )

    def _vsms_search_consent(self, kind, operator, value):
        return self._vsms_search_flag(
            f"vsms_{kind}_allowed",
            lambda negate: self._vsms_consent_domain(kind, negate=negate),
            operator,
            value,
        )

    @api.model
    def _vsms_search_flag(self, fname, make_domain, operator, value):
        # searching a flag tells as much as reading it: ВСМС staff only (the
        # ORM checks the field's groups on read, not on a search method)
        self._check_field_access(self._fields[fname], "read")
        # ``= False`` comes as ``not in [True]``: answer it with a NOT EXISTS
        # of our own (the ORM's negation would not be an anti-join)
        if operator not in ("in", "not in"):
            return NotImplemented
        wanted = {bool(val) for val in value}
        if operator == "not in":
            wanted = {True, False} - wanted
        if len(wanted) != 1:
            return Domain(bool(wanted))
        return make_domain(negate=True not in wanted)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_vsms_consents(self):
        """Consents are evidence (152-ФЗ): their person is archived, not
        deleted (only superuser code may go on, e.g. merging contacts, which
        moves the consents to the merged contact first)."""
        if self.env.su:
            return
        consents = self.env["vsms.consent"].sudo().with_context(active_test=False)
        with_consents = consents.search([("partner_id", "in", self.ids)]).partner_id
        if with_consents:
            raise UserError(
                self.env._(
                    "%(people)s cannot be deleted: their consents to personal "
                    "data processing are kept as evidence. Archive the contact "
                    "instead.",
                    people=", ".join(with_consents.mapped("display_name")),
                )
            )
