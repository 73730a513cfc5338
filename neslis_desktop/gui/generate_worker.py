"""Generating packs off the UI thread: build_packs in a QThread, with progress and Cancel.

The GUI never builds Office files itself; this worker calls
:func:`neslis_desktop.render.packs.build_packs` with a deep copy of the project (so edits made
while it runs cannot disturb it) and reports back through signals.
"""

from __future__ import annotations

import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal

from neslis_desktop.errors import NeslisError
from neslis_desktop.model import Project
from neslis_desktop.model.packs import Pack
from neslis_desktop.render.pack import Cancelled
from neslis_desktop.render.packs import PacksResult, build_packs, main_packs
from neslis_desktop.render.publish import html_view, publish
from neslis_desktop.store.assets import attach_pictures


class GenerateWorker(QObject):
    """Runs one build; emit-only, lives in its own thread."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str, str)
    cancelled = Signal()
    done = Signal()

    def __init__(
        self,
        project: Project,
        out_dir: Path,
        deck_template: Path | None,
        doc_template: Path | None,
        *,
        folder: Path | None = None,
        packs: list[Pack] | None = None,
        pdf: bool = False,
        html: bool = False,
    ):
        super().__init__()
        self.pdf, self.html = pdf, html
        """Also write tagged PDFs of the files built, and the HTML edition of the draft."""
        self.project = Project.model_validate(project.model_dump(mode="json"))
        self.packs = packs
        """The packs to build; the main deck and draft when ``None``."""
        self.out_dir, self.deck_template, self.doc_template = out_dir, deck_template, doc_template
        self.folder = folder
        """The project's folder: pictures are found (and checked) there, as when a project loads."""
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            if self.folder is not None:  # the copy above holds picture paths, not their files
                attach_pictures(self.project, self.folder)
            packs = self.packs if self.packs is not None else main_packs(self.project)
            result: PacksResult = build_packs(
                self.project,
                packs,
                self.out_dir,
                folder=self.folder,
                deck_template=self.deck_template,
                doc_template=self.doc_template,
                progress=self.progress.emit,
                cancelled=self._cancel.is_set,
                check_accessibility=True,
            )
            if self.pdf or self.html:
                self.progress.emit(1, 1, "Writing the PDF and HTML editions")
                extra = publish(
                    html_view(self.project, packs, self.folder),
                    result.paths,
                    self.out_dir,
                    pdf=self.pdf,
                    html=self.html,
                )
                result.extras += extra.paths
                result.messages += extra.messages
        except Cancelled:
            self.cancelled.emit()
        except NeslisError as exc:
            self.failed.emit(str(exc), "")
        except Exception as exc:  # a bug: report it, never take the app down
            self.failed.emit(f"Generating failed unexpectedly: {exc}", traceback.format_exc())
        else:
            self.succeeded.emit(result)
        finally:
            self.done.emit()


class GenerateJob(QObject):
    """Owns the thread and the worker of one build; ``finished`` fires once at the end."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str, str)
    cancelled = Signal()
    finished = Signal()

    def __init__(
        self,
        project: Project,
        out_dir: Path,
        deck_template: Path | None = None,
        doc_template: Path | None = None,
        parent: QObject | None = None,
        *,
        folder: Path | None = None,
        packs: list[Pack] | None = None,
        pdf: bool = False,
        html: bool = False,
    ):
        super().__init__(parent)
        self.worker_thread = QThread()
        self.worker = GenerateWorker(
            project, out_dir, deck_template, doc_template, folder=folder, packs=packs, pdf=pdf, html=html
        )
        self.worker.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self.worker.run)
        self.worker.progress.connect(self.progress)
        self.worker.succeeded.connect(self.succeeded)
        self.worker.failed.connect(self.failed)
        self.worker.cancelled.connect(self.cancelled)
        # Direct: quit() is thread-safe, and a queued call would wait for the UI thread, which
        # may itself be waiting for this thread to end (closing the window during a build).
        self.worker.done.connect(self.worker_thread.quit, Qt.ConnectionType.DirectConnection)
        self.worker_thread.finished.connect(self._finish)

    def start(self) -> None:
        self.worker_thread.start()

    def cancel(self) -> None:
        self.worker.cancel()

    def wait(self) -> None:
        self.worker_thread.wait()

    def _finish(self) -> None:
        self.finished.emit()
