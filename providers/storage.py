from django.core.files.storage import storages


def private_storage():
    """Files never served by the web server directly (papers, ID photos, issued PDFs): the "private" storage."""
    return storages["private"]
