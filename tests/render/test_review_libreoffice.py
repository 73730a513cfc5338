"""A draft commented and edited by LibreOffice Writer itself, through a Basic macro run headless.

Not our XML, not python-docx's: Writer finds the words, anchors its own comments on them,
records a tracked replacement and insertion under the reviewer's name, and saves as Word
2007 XML. ``read_review`` must then place each comment on the block it was written on.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from office import require_tool

from neslis_desktop.model import Project
from neslis_desktop.render.draft import write_draft
from neslis_desktop.render.review_import import read_review

PRODUCTIVITY = "Improving productivity means more output"
DOING = "Shape and coordinate delivery plans"

MACRO = f"""
Sub Annotate(src As String, dst As String)
    Dim load(0) As New com.sun.star.beans.PropertyValue
    load(0).Name = "Hidden"
    load(0).Value = True
    doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), "_blank", 0, load())
    Comment(doc, "{PRODUCTIVITY}", "Say by how much.")
    REM The heading, not its line in the table of contents before it (a protected field).
    heading = Search(doc, "What is productivity?")
    hit = doc.findFirst(heading)
    again = doc.findNext(hit.End, heading)
    If Not IsNull(again) Then hit = again
    Attach(doc, hit, "Is this heading needed?")
    Comment(doc, "{DOING}", "Who shapes them?")
    doc.RecordChanges = True
    found = Find(doc, "{DOING}")
    found.String = "Shape, fund and coordinate delivery plans"
    found = Find(doc, "{PRODUCTIVITY}")
    found.collapseToStart()
    found.String = "In short: "
    doc.RecordChanges = False
    Dim save(0) As New com.sun.star.beans.PropertyValue
    save(0).Name = "FilterName"
    save(0).Value = "MS Word 2007 XML"
    doc.storeToURL(ConvertToURL(dst), save())
    doc.close(True)
End Sub

Function Search(doc As Object, words As String) As Object
    descriptor = doc.createSearchDescriptor()
    descriptor.SearchString = words
    Search = descriptor
End Function

Function Find(doc As Object, words As String) As Object
    Find = doc.findFirst(Search(doc, words))
End Function

Sub Comment(doc As Object, words As String, text As String)
    Attach(doc, Find(doc, words), text)
End Sub

Sub Attach(doc As Object, found As Object, text As String)
    annotation = doc.createInstance("com.sun.star.text.textfield.Annotation")
    annotation.Author = "Steering Group"
    annotation.Content = text
    found.getText().insertTextContent(found, annotation, True)
End Sub
"""

# The reviewer's name, which Writer writes as the author of tracked changes.
USER = """<item oor:path="/org.openoffice.UserProfile/Data"><prop oor:name="givenname" oor:op="fuse">
<value>Steering</value></prop></item>
<item oor:path="/org.openoffice.UserProfile/Data"><prop oor:name="sn" oor:op="fuse"><value>Group</value></prop></item>
"""


def _writer_reviews(source: Path, target: Path, work: Path) -> None:
    """Run :data:`MACRO` in a LibreOffice of its own (a fresh profile) on ``source``, saving ``target``."""
    soffice = require_tool("soffice")
    profile = work / "lo-profile"
    env = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    # The first start makes the profile (and would replace a macro put there before it).
    subprocess.run([*env, "--terminate_after_init"], capture_output=True, timeout=300)
    basic = profile / "user" / "basic" / "Standard"
    if not (basic / "script.xlb").exists():
        pytest.fail(f"LibreOffice did not make its profile in {profile}")
    module = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
        '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Loop" '
        f'script:language="StarBasic">{escape(MACRO, {chr(34): "&quot;"})}</script:module>\n'
    )
    (basic / "Loop.xba").write_text(module, "utf-8")
    library = (basic / "script.xlb").read_text("utf-8")
    (basic / "script.xlb").write_text(
        library.replace("</library:library>", ' <library:element library:name="Loop"/>\n</library:library>'), "utf-8"
    )
    settings = profile / "user" / "registrymodifications.xcu"
    settings.write_text(settings.read_text("utf-8").replace("</oor:items>", USER + "</oor:items>"), "utf-8")
    call = f'macro:///Standard.Loop.Annotate("{source}","{target}")'
    try:
        proc = subprocess.run([*env, call], capture_output=True, text=True, timeout=180)
    except subprocess.TimeoutExpired:
        pytest.fail("LibreOffice did not finish the review macro in 3 minutes (a Basic error waits for a click)")
    if not target.exists():
        pytest.fail(f"LibreOffice did not run the review macro:\n{proc.stdout}\n{proc.stderr}")


@pytest.mark.slow
def test_comments_and_tracked_changes_written_by_libreoffice_land_on_their_blocks(
    project: Project, tmp_path: Path
) -> None:
    draft, returned = tmp_path / "draft.docx", tmp_path / "returned-by-steering-group.docx"
    write_draft(project, draft)
    _writer_reviews(draft, returned, tmp_path)

    found = read_review(returned, project)
    placed = {(c.kind, c.text): (c.section, c.block, c.author, c.located_by) for c in found}
    assert placed == {
        ("comment", "Say by how much."): ("productivity", 2, "Steering Group", "anchor"),
        ("comment", "Is this heading needed?"): ("productivity", None, "Steering Group", "anchor"),
        ("comment", "Who shapes them?"): ("doing-already", 1, "Steering Group", "anchor"),
        ("deletion", DOING): ("doing-already", 1, "Steering Group", "anchor"),
        ("insertion", "Shape, fund and coordinate delivery plans"): ("doing-already", 1, "Steering Group", "anchor"),
        # Writer writes this one before the block's anchor: it still lands on the block it begins.
        ("insertion", "In short:"): ("productivity", 2, "Steering Group", "anchor"),
    }
    quoted = {c.text: c.quoted for c in found if c.kind == "comment"}
    assert quoted["Say by how much."] == PRODUCTIVITY
    assert quoted["Is this heading needed?"] == "What is productivity?"
    assert quoted["Who shapes them?"] == DOING  # the words commented on, not the ones proposed
    assert all(c.date is not None for c in found if c.kind != "comment")  # Writer dates what it tracks
