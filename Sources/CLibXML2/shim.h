#ifndef STANCEBENCH_CLIBXML2_SHIM_H
#define STANCEBENCH_CLIBXML2_SHIM_H
// libxml2's HTML parser, used to read saved web pages without regular expressions.
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#endif
