def post_init_hook(env):
    """Contacts that exist when the addon is installed get their name parts,
    gender (and so their salutation), like the ones created afterwards."""
    env["res.partner"]._vsms_fill_name_parts()
