"""The core of the security consultants' app: domain, storage, services, reports, sync, CLI.

It never imports Qt: it runs headless in tests, on the command line and in the receiver.
"""

__version__ = "0.1.0"
