"""The consolidated report: one model (:mod:`.model`) rendered through Jinja templates to
Markdown and HTML (:mod:`.render_text`), Word (:mod:`.docx`) and Excel (:mod:`.xlsx`)."""
