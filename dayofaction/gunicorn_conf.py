"""gunicorn's settings (`gunicorn --config python:dayofaction.gunicorn_conf`, in Procfile).

gunicorn writes lines of its own (start-up, workers, one a request) through
its own loggers and format. With DAYOFACTION_LOG_FORMAT=json they take the
app's JSON format, so the web process writes nothing but JSON lines; with
plain logs gunicorn keeps its usual lines.
"""

from dayofaction import logs

if logs.log_format_from_env() == "json":
    logconfig_dict = logs.gunicorn_logging_config(log_format="json")
