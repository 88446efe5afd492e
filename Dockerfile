# The official Odoo 19.0 image plus what vsms_regional needs from PyPI: the
# project's Python requirements and the OCA addons (requirements-oca.txt).
# docker-compose.yml builds it once as vsms-regional-odoo:19.0 for both of its
# services; the addon itself is mounted, not copied. After changing a
# requirements file: `docker compose build`.
FROM odoo:19.0

USER root

# The image is Ubuntu with its system Python and Odoo's Debian package
# (/usr/lib/python3/dist-packages/odoo). pip installs beside it, into
# /usr/local/lib/python3.X/dist-packages, which --break-system-packages allows
# (PEP 668); packages Debian already provides (e.g. python3-phonenumbers)
# are left as they are.
#
# The OCA wheels (odoo-addon-*) put their addons in
# /usr/local/lib/python3.X/dist-packages/odoo/addons/. Odoo 19's `odoo` and
# `odoo.addons` have no __init__.py: they are namespace packages, so
# odoo.addons.__path__ holds the odoo/addons directory of every entry of
# sys.path, both dist-packages included, and Odoo finds these addons without
# an addons_path entry (the image's /etc/odoo/odoo.conf keeps
# /mnt/extra-addons only). --no-deps: the wheels require the distribution
# "odoo", which is not on PyPI (see requirements-oca.txt).
# scripts/check_oca_addons.py then fails the build if an addon is incomplete
# or not where Odoo looks for it.
COPY requirements.txt requirements-oca.txt /tmp/vsms/
COPY scripts/check_oca_addons.py /tmp/vsms/scripts/
RUN pip3 install --no-cache-dir --break-system-packages --root-user-action=ignore \
        -r /tmp/vsms/requirements.txt \
    && pip3 install --no-cache-dir --break-system-packages --root-user-action=ignore \
        --no-deps -r /tmp/vsms/requirements-oca.txt \
    && python3 /tmp/vsms/scripts/check_oca_addons.py /tmp/vsms/requirements-oca.txt \
    && rm -rf /tmp/vsms

USER odoo
