"""How every process writes its log: plain lines, or JSON lines for a log collector.

One LOGGING serves the web process and Celery's worker and beat: Django sets
it up in each (through `configure`, its LOGGING_CONFIG), and Celery is told
not to replace the root logger's handler with its own
(CELERY_WORKER_HIJACK_ROOT_LOGGER). A JSON line is one object: `level`,
`logger`, `message`, any `extra` fields, for an exception `exc_info` with the
traceback in one string, and `time` (ISO 8601, UTC).
"""

import logging
import logging.config

from dayofaction import env

LOG_FORMATS = ("plain", "json")

_FORMATTERS = {
    "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    "json": {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": "%(levelname)s %(name)s %(message)s",
        "rename_fields": {"levelname": "level", "name": "logger"},
        "timestamp": "time",
    },
}


def log_format_from_env() -> str:
    return env.read_choice("DAYOFACTION_LOG_FORMAT", default="plain", choices=LOG_FORMATS)


def logging_config(*, level: str, log_format: str) -> dict:
    """Django's LOGGING: every record to standard error, in the format asked for."""
    handler = {"class": "logging.StreamHandler", "formatter": log_format}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {log_format: _FORMATTERS[log_format]},
        "handlers": {"console": handler},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Celery gives its task loggers a handler of its own, in its own format,
            # unless they have one already.
            "celery.task": {"handlers": ["console"], "propagate": False},
        },
    }


def gunicorn_logging_config(*, log_format: str) -> dict:
    """gunicorn's `logconfig_dict`: its own loggers (start-up, workers, requests) as ours."""
    config = logging_config(level="INFO", log_format=log_format)
    for name in ("gunicorn.error", "gunicorn.access"):
        config["loggers"][name] = {"level": "INFO", "handlers": ["console"], "propagate": False}
    return config


def configure(config: dict) -> None:
    """Django's LOGGING_CONFIG: apply LOGGING, and log Python's warnings instead of printing them.

    Django no longer routes warnings to logging, and Celery does so only once its own
    set-up runs: a warning before then (the worker's, on start) would be a bare line.
    """
    logging.config.dictConfig(config)
    logging.captureWarnings(True)
