"""Alembic environment: always runs on the connection handed over by store.migrate, never from a URL.

No logging.fileConfig here: it would silence the application's loggers.
"""

from alembic import context

from inducci_desktop.store.models import Base, load_all

load_all()  # target_metadata names every table (the feature models are declared on first use)
connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
