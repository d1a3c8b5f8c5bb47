"""A national workload for the benchmark: N provinces, each a complete cchc workspace.

Every province gets a copy of the full 2019 criteria tree, an assignment plan made from the
Thái Nguyên plan (agency codes and names varied, 0–2 extra agencies taking over a criterion,
so 8–10 scoring agencies) and one valid, submitted score file per scoring agency covering every
item it owns (scores from the allowed levels or the rubric, evidence, explanations, comments of
cooperating agencies). The generator checks each province with cchc's own engine: a province
that does not validate clean is a bug in the generator, not a benchmark result.

    from workload import generate          # with benchmarks/ on sys.path
    folders = generate(Path("/tmp/national"), provinces=63)

or ``python benchmarks/workload.py /tmp/national 63``.
"""

from __future__ import annotations

import random
import shutil
import unicodedata
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
CRITERIA = REPO / "criteria" / "2019.yaml"
PLAN = REPO / "assignments" / "thai_nguyen_2019.yaml"

PROVINCES = [
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bạc Liêu",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Định",
    "Bình Dương",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cần Thơ",
    "Cao Bằng",
    "Đà Nẵng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Nội",
    "Hà Tĩnh",
    "Hải Dương",
    "Hải Phòng",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "TP. Hồ Chí Minh",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
]

#: agencies a province may add, each taking over one criterion from a broader rule
EXTRA_AGENCIES = [
    ("SLDTBXH", "Sở Lao động - Thương binh và Xã hội", "5.6"),
    ("SYT", "Sở Y tế", "6.2"),
]


class _Loader(yaml.SafeLoader):
    """Everything stays text (ids such as 1.10 must not become floats)."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag == "tag:yaml.org,2002:null"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _slug(name: str) -> str:
    text = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in text).split())


def _code_variant(code: str, scheme: int, tag: str) -> str:
    """Provinces name their agencies differently: SNV, SO_NV, SNV_HN…"""
    if scheme == 1 and code.startswith("S") and len(code) > 2:
        return "SO_" + code[1:]
    if scheme == 2:
        return f"{code}_{tag}"[:32]
    return code


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def make_plan(index: int, province: str, rng: random.Random) -> tuple[str, dict[str, str]]:
    """The plan text for one province, and the map original code -> this province's code."""
    data = yaml.load(PLAN.read_text(encoding="utf-8"), Loader=_Loader)  # a SafeLoader
    tag = "".join(w[0] for w in _slug(province).split("-"))[:4].upper() or "X"
    scheme = index % 3
    codes = {a["code"]: _code_variant(a["code"], scheme, tag) for a in data["agencies"]}
    for agency in data["agencies"]:
        agency["code"] = codes[agency["code"]]
        if agency["name"].startswith("Sở ") or agency["name"].startswith("Ban "):
            agency["name"] = f"{agency['name']} tỉnh {province}"
    data["province"] = province
    data["plan"]["title"] = data["plan"]["title"].replace("Thái Nguyên", province)
    data["plan"]["issuer"] = f"Ủy ban nhân dân tỉnh {province}"
    data["coordinator"] = codes[data["coordinator"]]
    duty = data.get("evidence_duty") or {}
    if duty.get("follow_up_report"):
        duty["follow_up_report"] = [codes[c] for c in duty["follow_up_report"]]
    for rule in data["rules"]:
        if rule.get("lead"):
            rule["lead"] = codes[rule["lead"]]
        rule["cooperating"] = [codes[c] for c in rule.get("cooperating", [])]
        if not rule["cooperating"]:
            del rule["cooperating"]
        for part in rule.get("parts", []):
            part["agency"] = codes[part["agency"]]
    for code, name, item in EXTRA_AGENCIES[: index % 3]:
        new = _code_variant(code, scheme, tag)
        data["agencies"].append({"code": new, "name": f"{name} tỉnh {province}", "role": "scoring"})
        data["rules"].append({"lead": new, "items": [item], "source": "Kế hoạch của tỉnh"})
    return _dump(data), codes


def _evidence(rng: random.Random, code: str, n: int, submitted: date) -> list[dict[str, str]]:
    docs = []
    for k in range(n):
        day = date(2019, 1, 1) + timedelta(days=rng.randrange(0, 360))
        day = min(day, submitted - timedelta(days=1))
        docs.append(
            {
                "number": f"{rng.randrange(1, 999)}/{rng.choice(['BC', 'KH', 'QĐ', 'CV'])}-{code}",
                "date": day.isoformat(),
                "issuer": rng.choice(["UBND tỉnh", f"Sở ({code})", "HĐND tỉnh"]),
                "title": f"Văn bản kiểm chứng số {k + 1} — báo cáo kết quả thực hiện năm 2019",
            }
        )
    return docs


def _score_entry(node: Any, rng: random.Random, code: str, submitted: date) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    if node.rubric is not None:
        low, high = int(node.rubric.min), int(node.rubric.max)
        measured = Decimal(rng.choice([high, high, (low + high) * 9 // 10, (low + high) // 2]))
        entry["measured"] = str(measured)
        score = node.rubric_score(measured)
        entry["score"] = str(score)
    else:
        allowed = node.allowed_scores()
        score = rng.choice(allowed) if allowed else node.max
        entry["score"] = str(score)
    if Decimal(entry["score"]) < node.max:
        entry["explanation"] = (
            "Chưa đạt tối đa do một số nhiệm vụ chuyển sang năm sau; tài liệu kiểm chứng kèm theo."
        )
    entry["evidence"] = _evidence(rng, code, rng.choice([1, 1, 2]), submitted)
    return entry


def make_scores(plan: Any, tree: Any, rng: random.Random, year: int) -> dict[str, str]:
    """One valid, submitted score file per scoring agency: file name -> text."""
    files: dict[str, str] = {}
    for code in plan.scoring_agencies():
        owned = plan.listed_items(code)
        if not owned:
            continue
        submitted = date(2020, 1, rng.randrange(10, 19))
        items: dict[str, Any] = {}
        for leaf, role in owned:
            node = tree.get(leaf.item)
            if role == "cooperating":
                items[leaf.item] = {
                    "comment": "Phối hợp cung cấp số liệu và tài liệu kiểm chứng.",
                    "evidence": _evidence(rng, code, 1, submitted),
                }
            elif role == "decision":
                allowed = node.allowed_scores()
                items[leaf.item] = {"score": str(allowed[-1] if allowed else node.max)}
            else:
                items[leaf.item] = _score_entry(node, rng, code, submitted)
        header = f"# Tệp chấm điểm sinh tự động cho benchmark ({code}).\n"
        body = _dump(
            {
                "format": 1,
                "agency": code,
                "year": year,
                "status": "submitted",
                "submitted": submitted.isoformat(),
                "items": items,
            }
        )
        files[f"{code.lower()}.yaml"] = header + body
    return files


CONFIG = """format: 1
criteria: criteria/2019.yaml
assignments: assignments/plan.yaml
scores: scores
output: build
"""


def generate(
    dest: Path, provinces: int = 63, *, seed: int = 2019, check: bool = True
) -> list[Path]:
    """Write ``provinces`` workspaces under ``dest`` (which must not exist); return them."""
    from cchc_cli.core.diagnostics import Severity
    from cchc_cli.core.workspace import open_workspace
    from cchc_cli.pipeline import check_workspace

    rng = random.Random(seed)
    dest.mkdir(parents=True)
    folders: list[Path] = []
    for index in range(provinces):
        province = PROVINCES[index % len(PROVINCES)]
        folder = dest / f"p{index + 1:02d}-{_slug(province)}"
        (folder / "criteria").mkdir(parents=True)
        (folder / "assignments").mkdir()
        (folder / "scores").mkdir()
        shutil.copyfile(CRITERIA, folder / "criteria" / "2019.yaml")
        plan_text, _ = make_plan(index, province, rng)
        (folder / "assignments" / "plan.yaml").write_text(plan_text, encoding="utf-8")
        (folder / "cchc.yaml").write_text(CONFIG, encoding="utf-8")
        ws = open_workspace(folder, folder)
        staged = check_workspace(ws, stages="plan")
        if staged.tree is None or staged.plan is None:
            raise RuntimeError(f"{folder.name}: generated plan does not resolve")
        for name, text in make_scores(staged.plan, staged.tree, rng, staged.plan.file.year).items():
            (folder / "scores" / name).write_text(text, encoding="utf-8")
        if check:
            result = check_workspace(ws, today=date(2020, 1, 19))
            errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
            if errors:
                raise RuntimeError(f"{folder.name}: generated workspace has errors: {errors[:3]}")
        folders.append(folder)
    return folders


def main() -> None:
    """``python benchmarks/workload.py DEST [PROVINCES]``: what the benchmarks run in a child
    process, so that their own process stays small."""
    import sys

    if len(sys.argv) not in (2, 3):
        sys.exit("usage: workload.py DEST [PROVINCES]")
    generate(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) == 3 else 63)


if __name__ == "__main__":
    main()
