#ifndef TOURPLANNER_CLIBCRYPTO_SHIM_H
#define TOURPLANNER_CLIBCRYPTO_SHIM_H

// OpenSSL's EVP digests (SHA-256 with the CPU's SHA extensions where present): the import
// fingerprints every file it reads, and a portable Swift SHA-256 cost 9% of a CSV import.
#include <openssl/evp.h>

#endif
