from django.db import models

from . import crypto


class EncryptedTextField(models.TextField):
    """Text stored encrypted (Fernet); the model attribute holds the plaintext.

    Encrypted values cannot be filtered or ordered on; pair the field with a digest field where
    lookups are needed.
    """

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return crypto.decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(value)
