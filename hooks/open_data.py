"""MkDocs hook: publish the tools' data as open data under `data/` in the site.

Each checklist becomes `data/tjeklister/<id>.json`, described by the JSON Schema
`data/tjekliste.schema.json`, and the task finder's catalogue `data/opgaver.json`,
described by `data/opgaver.schema.json`: from the same data files the tools read,
so jobcenters and others can reuse them. The page "Åbne data" lists the files.
"""

import json
import shutil
from importlib import resources
from pathlib import Path

from tools import checklists, task_assessment, task_catalogue

SCHEMAS = resources.files("tools") / "data" / "schemas"


def _write(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def on_post_build(config, **kwargs):
    data_dir = Path(config["site_dir"]) / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    for name in ("tjekliste.schema.json", "opgaver.schema.json"):
        with resources.as_file(SCHEMAS / name) as schema:
            shutil.copyfile(schema, data_dir / name)
    for checklist_id in checklists.available():
        _write(data_dir / "tjeklister" / f"{checklist_id}.json", checklists.to_open_data(checklists.load(checklist_id)))
    _write(data_dir / "opgaver.json", task_assessment.open_data(task_catalogue.load()))
