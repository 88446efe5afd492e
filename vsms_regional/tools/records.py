"""Small helpers on records shared by the models' rules."""


def changed_fields(record, vals, names):
    """Which of ``names`` that ``vals`` holds would change on ``record``: the
    value given is compared with the current one as records, so writing back
    what a client's form sends unchanged (an id, a date string) is no change.
    A many2many given counts as a change (its commands are not compared)."""
    record.ensure_one()
    changed = []
    for name in names:
        if name not in vals:
            continue
        field = record._fields[name]
        if field.type == "many2many":
            changed.append(name)
            continue
        new = field.convert_to_record(
            field.convert_to_cache(vals[name], record), record
        )
        if new != record[name]:
            changed.append(name)
    return changed
