"""One error hierarchy: each class carries its exit code; `cli` turns them into messages."""

from __future__ import annotations


class FwscaffoldError(Exception):
    """A failure the user can act on; its message is shown as one `Error:` line."""

    exit_code = 1


class UsageError(FwscaffoldError):
    """The command line asked for something invalid (exit code 2)."""

    exit_code = 2


class UnknownFrameworkError(UsageError):
    pass


class InvalidAnswerError(UsageError):
    """A name, a choice or a free-text value breaks a template rule."""


class UnknownVariableError(UsageError):
    pass


class InterruptedByUserError(FwscaffoldError):
    """Ctrl-C: the bake was undone."""

    exit_code = 130


class TargetExistsError(FwscaffoldError):
    pass


class OutputDirError(FwscaffoldError):
    pass


class GenerationError(FwscaffoldError):
    """Baking failed; nothing was left behind."""


class InstallError(FwscaffoldError):
    pass


class GitError(FwscaffoldError):
    pass
