#ifndef TOURPLANNER_CLIBXML2_SHIM_H
#define TOURPLANNER_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU; its encoding.h then includes the system ICU headers,
// which clash with the toolchain's _FoundationICU ("'UErrorCode' has different definitions")
// on a clean build. We never touch xmlCharEncodingHandler from Swift, so hide ICU here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a global function pointer: not concurrency-safe to touch from Swift 6.
static inline void cxml_free(void *pointer) { xmlFree(pointer); }

/// `LIBXML_DOTTED_VERSION` is a macro string; expose it as a function.
static inline const char *cxml_version(void) { return LIBXML_DOTTED_VERSION; }

#endif
