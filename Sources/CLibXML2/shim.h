#ifndef STANCEBENCH_CLIBXML2_SHIM_H
#define STANCEBENCH_CLIBXML2_SHIM_H
// libxml2's HTML parser, used to read saved web pages without regular expressions.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, and its encoding.h then includes the system's ICU headers, whose
// UErrorCode clashes with the ICU that Foundation carries (a clean build fails with "not present in
// definition of 'enum UErrorCode'"). We never touch the ICU converter fields, which sit at the end of
// xmlCharEncodingHandler, so the headers are read without them.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#endif
