# A submodule imported while its package is still initialising (`from pkg import sub` inside a
# module the package's __init__ imports) is still bound as an attribute of the package, as
# json's decoder does with json.scanner.
import json
import json.decoder
print(json.scanner.__name__, json.decoder.__name__, json.encoder.__name__)
import email.mime
print(hasattr(email, 'mime'))
