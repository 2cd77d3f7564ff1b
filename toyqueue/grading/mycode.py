"""The learner's own queue, carried from exercise to exercise in one file: myqueue.py.

Exercise 01 starts myqueue.py; every later exercise that grows the queue asks for a few more
methods in the same file, so a learner always builds on their own code, never on an answer shown
on screen. A notebook loads the file with `load`; a check notices when the file changed after
that and grades the file as it is now. A learner stuck on an earlier step opts into the course's
reference for it with `use_reference("03")` (their own file is kept beside it).

    from toyqueue.grading import mycode
    MyQueue = mycode.load("MyQueue")
    mycode.use_reference("03")                # myqueue.py as it stands after exercise 03
    mycode.use_starter()                      # start over from exercise 01's empty starter
    python -m toyqueue.grading reference 03   # the same, printed (for an instructor)
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from pathlib import Path

from ..i18n import LANGUAGES, tr

FILE = "myqueue.py"
ROOT = Path(__file__).resolve().parents[2]
REFERENCE_MARK = "# myqueue.py after exercise"


class NotWritten:
    """Stands for a class the learner has not written yet; a check reports it as a TODO."""

    def __init__(self, name: str, path: Path):
        self.name, self.path = name, path
        self.__name__ = name

    def __repr__(self):
        return f"<{self.name}: not in {self.path.name} yet>"

    def why(self) -> str:
        """What to do, in the course language (a NotImplementedYet says it)."""
        if not self.path.exists():
            return tr("there is no {file} next to this notebook. Exercise 01 starts it; to start from the course's "
                      "reference instead, run mycode.use_reference(\"01\")", file=self.path.name)
        return tr("{file} has no {name} yet: add it as described above", file=self.path.name, name=self.name)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def home(folder: str | Path | None = None) -> Path:
    """The folder of the learner's myqueue.py: the notebook's. An edition's exercises (exercises/ko/)
    have a starter of their own, with hints in their language (tools/nbbuild.py writes it once the
    edition has exercise 01); a copy of the course without it grows exercises/myqueue.py above."""
    here = Path(folder or Path.cwd())
    if here.name in LANGUAGES and here.parent.name == "exercises" and not (here / FILE).exists():
        return here.parent
    return here


def load(name: str, folder: str | Path | None = None):
    """The class (or function) `name` from myqueue.py in the notebook's folder, read afresh."""
    path = home(folder) / FILE
    if not path.exists():
        return NotWritten(name, path)
    spec = importlib.util.spec_from_file_location("myqueue", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["myqueue"] = module   # so dataclasses and pickling find the module
    spec.loader.exec_module(module)
    obj = getattr(module, name, None)
    if obj is None:
        return NotWritten(name, path)
    try:
        obj.__mycode__ = (str(path), _digest(path))
    except (AttributeError, TypeError):
        pass
    return obj


def fresh(obj):
    """`obj` again, from its file, if the learner edited myqueue.py after loading it."""
    origin = getattr(obj, "__mycode__", None)
    if origin is None or not isinstance(origin, tuple):
        return obj
    path = Path(origin[0])
    if not path.exists() or _digest(path) == origin[1]:
        return obj
    print(tr("({file} changed after the cell that loads it ran: checking the file as it is now.)", file=path.name))
    return load(obj.__name__, path.parent)


def reference(step: str | int) -> str:
    """The text of myqueue.py as it stands after exercise `step`, from the course's solutions/."""
    step = f"{int(step):02d}"
    found = sorted((ROOT / "solutions").glob(f"{step}_*.ipynb"))
    if not found:
        raise LookupError(tr("the reference answers (solutions/{step}_*.ipynb) are not in this copy of the course; "
                             "ask your instructor", step=step))
    for cell in json.loads(found[0].read_text(encoding="utf-8"))["cells"]:
        text = "".join(cell["source"])
        if cell["cell_type"] == "code" and text.startswith(REFERENCE_MARK):
            return text + "\n"
    raise LookupError(tr("exercise {step} does not build myqueue.py (its reference has no such file)", step=step))


def use_reference(step: str | int, folder: str | Path | None = None) -> Path:
    """Replace myqueue.py with the course's reference after exercise `step`; keep the learner's
    own file as myqueue.mine.py (myqueue.mine2.py, ... if that exists)."""
    _not_while_grading("use_reference")
    path = _replace(home(folder) / FILE, reference(step))
    print(tr("{file} now holds the course's queue after exercise {step}. Run the cell that loads it again.",
             file=path.name, step=f"{int(step):02d}"))
    return path


def use_starter(folder: str | Path | None = None) -> Path:
    """Start myqueue.py over from the empty starter exercise 01 hands out. A learner on a laptop
    has git for that; a learner's copy on a classroom hub has no git, but the course it was copied
    from (where toyqueue is installed) still holds the starter untouched."""
    _not_while_grading("use_starter")
    path = home(folder) / FILE
    starter = ROOT / "exercises" / FILE
    if path.parent.name in LANGUAGES and (starter.parent / path.parent.name / FILE).is_file():
        starter = starter.parent / path.parent.name / FILE      # the edition's, with its hints
    if starter.resolve() == path.resolve():
        raise LookupError(tr("this {file} is the course's own starter, so there is no untouched copy to take: "
                             "start it over with git checkout -- {file}", file=FILE))
    path = _replace(path, starter.read_text(encoding="utf-8"))
    print(tr("{file} is the starter of exercise 01 again. Run the cell that loads it again.", file=path.name))
    return path


def _not_while_grading(name: str) -> None:
    if os.environ.get("TOYQUEUE_GRADING"):
        raise RuntimeError(tr("{name} is switched off while exercises are graded: the checks grade "
                              "myqueue.py as it was handed in", name=name))


def _replace(path: Path, text: str) -> Path:
    """Write `text` to myqueue.py, keeping the learner's own file beside it (myqueue.mine.py,
    myqueue.mine2.py, ...): nothing a learner wrote is ever thrown away."""
    if path.exists() and path.read_text(encoding="utf-8") != text:
        n, keep = 1, path.with_name("myqueue.mine.py")
        while keep.exists():
            n += 1
            keep = path.with_name(f"myqueue.mine{n}.py")
        path.rename(keep)
        print(tr("Your own file is kept as {file}.", file=keep.name))
    path.write_text(text, encoding="utf-8")
    return path
