#ifndef STANCEBENCH_CNCURSES_SHIM_H
#define STANCEBENCH_CNCURSES_SHIM_H
// Wide-character ncurses for Swift. Macros and globals that Swift cannot import (or that Swift 6
// rejects as not concurrency-safe) are wrapped here as inline functions and constants.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <langinfo.h>
#include <ncurses.h>

extern int wcwidth(wchar_t c);

static inline WINDOW *sb_stdscr(void) { return stdscr; }
static inline int sb_cols(void) { return COLS; }
static inline int sb_lines(void) { return LINES; }
static inline FILE *sb_stdout(void) { return stdout; }
static inline FILE *sb_stdin(void) { return stdin; }

static const attr_t sb_attr_normal = A_NORMAL;
static const attr_t sb_attr_bold = A_BOLD;
static const attr_t sb_attr_dim = A_DIM;
static const attr_t sb_attr_underline = A_UNDERLINE;
static const attr_t sb_attr_reverse = A_REVERSE;
static const attr_t sb_attr_italic = A_ITALIC;

static inline const char *sb_codeset(void) { return nl_langinfo(CODESET); }
#endif
