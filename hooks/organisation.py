"""MkDocs hook: the organisation's profile (ORGANISATION=path/to/file.toml).

Checks the profile before anything is built, so a bad file stops the build with
a message naming the key; puts its logo in the header. The pages and tools get
the profile through the macros (`organisation`), see `tools/organisation.py`.
"""

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

from tools import organisation

LOGO_DIR = "assets/organisation"


def profile_or_stop() -> organisation.Profile | None:
    """The profile, or a build error that names the bad key (the macros call this first)."""
    try:
        return organisation.from_environment()
    except organisation.ProfileError as error:
        raise PluginError(f"Organisationens profil: {error}") from None


def on_config(config, **kwargs):
    profile = profile_or_stop()
    if profile and profile.logo:
        config.theme["logo"] = f"{LOGO_DIR}/{profile.logo.name}"
    return config


def on_post_build(config, **kwargs):
    profile = organisation.from_environment()
    if profile and profile.logo:
        target = Path(config["site_dir"]) / LOGO_DIR
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(profile.logo, target / profile.logo.name)
