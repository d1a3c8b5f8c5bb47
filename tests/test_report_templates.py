"""Report templates end to end: a province's own templates shadow the built-in ones block by
block; errors name the template file and line; ``cchc templates check``."""

from __future__ import annotations

from pathlib import Path

from conftest import run


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_custom_template_overriding_one_block(ws: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    write(
        folder / "report.html.j2",
        '{% extends "base.html.j2" %}\n{% block heading %}<h1 class="custom">Tỉnh {{ province }} — '
        "{{ labels.report_word }}</h1>{% endblock %}\n{% block extra_style %}h1 { color: #8b0000; }"
        "{% endblock %}\n",
    )
    code, _, err = run(
        "-C",
        str(ws),
        "report",
        "--format",
        "html",
        "--templates",
        str(folder),
        "--out",
        str(tmp_path / "custom.html"),
    )
    assert code == 0, err
    code, _, err = run(
        "-C", str(ws), "report", "--format", "html", "--out", str(tmp_path / "plain.html")
    )
    assert code == 0, err
    custom = (tmp_path / "custom.html").read_text(encoding="utf-8")
    plain = (tmp_path / "plain.html").read_text(encoding="utf-8")
    assert (
        '<h1 class="custom">Tỉnh Tỉnh Mẫu — BÁO CÁO</h1>' in custom and "color: #8b0000" in custom
    )
    assert "custom" not in plain

    # everything else is the built-in layout (the checksums also list the user's template)
    def body(page: str) -> str:
        return page.split("</header>")[1].split('<section id="appendices">')[0]

    assert body(custom) == body(plain)
    # the user's template is listed, with its checksum, in the internal companion
    companion = (tmp_path / "custom-phu-luc-ky-thuat.html").read_text(encoding="utf-8")
    assert "tpl/report.html.j2</td>" in companion


def test_templates_folder_from_the_workspace_config(ws: Path) -> None:
    write(
        ws / "mau" / "report.md.j2",
        '{% extends "base.md.j2" %}\n{% block heading %}# Báo cáo riêng của {{ province }}\n\n'
        "{% endblock %}\n",
    )
    with (ws / "cchc.yaml").open("a", encoding="utf-8") as handle:
        handle.write("templates: mau\n")
    code, _, err = run("-C", str(ws), "report", "--format", "md")
    assert code == 0, err
    assert "# Báo cáo riêng của Tỉnh Mẫu" in (ws / "out" / "bao-cao-cchc-2019.md").read_text(
        encoding="utf-8"
    )


def test_undefined_variable_names_template_and_line(ws: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    write(
        folder / "report.html.j2",
        '{% extends "base.html.j2" %}\n{% block heading %}\n<h1>{{ titel }}</h1>\n{% endblock %}\n',
    )
    code, _out, err = run("-C", str(ws), "report", "--templates", str(folder))
    assert code == 1
    assert "tpl/report.html.j2:3" in err and "CCHC502" in err and "titel" in err
    assert not (ws / "out").exists()  # nothing written, not even the formats that rendered


def test_undefined_attribute_names_template_and_line(ws: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    write(
        folder / "report.md.j2",
        '{% extends "base.md.j2" %}\n{% block intro %}\n\n{{ total.scroe }}\n{% endblock %}\n',
    )
    code, _, err = run("-C", str(ws), "report", "--format", "md", "--templates", str(folder))
    assert code == 1 and "report.md.j2:4" in err and "scroe" in err


def test_template_syntax_error_names_file_and_line(ws: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    write(folder / "base.md.j2", "# {{ title }}\n\n{% if draft %}\nDỰ THẢO\n")
    code, _, err = run("-C", str(ws), "report", "--format", "md", "--templates", str(folder))
    assert code == 1 and "CCHC501" in err and "tpl/base.md.j2" in err


def test_sandbox_blocks_internal_attributes(ws: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    write(folder / "report.md.j2", "{{ report.__class__.__init__.__globals__ }}\n")
    code, _, err = run("-C", str(ws), "report", "--format", "md", "--templates", str(folder))
    assert code == 1
    assert "tpl/report.md.j2:1: lỗi: " in err and "[CCHC504]" in err and "CCHC502" not in err
    assert not (ws / "out").exists()


def make_docx(path: Path, text: str) -> Path:
    import docx

    doc = docx.Document()
    doc.add_paragraph(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def test_word_template_with_undefined_variable(ws: Path, tmp_path: Path) -> None:
    make_docx(tmp_path / "tpl" / "report.docx", "Tỉnh {{ provnce }}")
    code, _, err = run(
        "-C", str(ws), "report", "--format", "docx", "--templates", str(tmp_path / "tpl")
    )
    assert code == 1 and "CCHC502" in err and "report.docx" in err and "provnce" in err


def test_word_template_replaced_by_the_users(ws: Path, tmp_path: Path) -> None:
    import docx

    make_docx(tmp_path / "tpl" / "report.docx", "Tổng: {{ total.score|num }}/{{ total.max|num }}")
    code, _, err = run(
        "-C",
        str(ws),
        "report",
        "--format",
        "docx",
        "--templates",
        str(tmp_path / "tpl"),
        "--out",
        str(tmp_path / "r.docx"),
    )
    assert code == 0, err
    assert docx.Document(str(tmp_path / "r.docx")).paragraphs[0].text == "Tổng: 4/7"


def test_templates_check_builtin_is_clean(ws: Path) -> None:
    code, out, err = run("-C", str(ws), "templates", "check")
    assert code == 0, err
    assert "không có lỗi" in out


def test_templates_check_reports_every_problem(ws: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    write(
        folder / "report.html.j2",
        '{% extends "base.html.j2" %}\n{% block heading %}\n{{ titel }}\n{% endblock %}\n',
    )
    write(folder / "reprot.md.j2", "{{ title }}\n")
    write(folder / "base.md.j2", "{% for x in rows %}\n")
    make_docx(folder / "report.docx", "{{ rows|length }} {% if %}")
    code, _, err = run("-C", str(ws), "templates", "check", str(folder))
    assert code == 1
    assert "tpl/report.html.j2:3" in err and "CCHC503" in err and "`title`" in err
    assert "CCHC509" in err and "report.md.j2" in err
    assert "CCHC501" in err and "tpl/base.md.j2" in err
    assert "CCHC507" in err and "report.docx" in err


def test_templates_check_attribute_typo_found_by_rendering(ws: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    write(
        folder / "report.md.j2",
        '{% extends "base.md.j2" %}\n{% block intro %}{{ plan.titel }}{% endblock %}\n',
    )
    code, _, err = run("-C", str(ws), "templates", "check", str(folder))
    assert code == 1 and "CCHC502" in err and "report.md.j2:2" in err


def test_templates_check_missing_folder(ws: Path, tmp_path: Path) -> None:
    code, _, err = run("-C", str(ws), "templates", "check", str(tmp_path / "none"))
    assert code == 1 and "CCHC508" in err


def test_report_with_missing_templates_folder_is_a_usage_error(ws: Path, tmp_path: Path) -> None:
    code, _, err = run("-C", str(ws), "report", "--templates", str(tmp_path / "none"))
    assert code == 2 and "CCHC508" in err
