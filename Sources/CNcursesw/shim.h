/*
 * ncursesw for Swift: the wide-character API, inline helpers for what Swift cannot import
 * (macros with casts, globals that Swift 6 rejects as not concurrency-safe), and the
 * async-signal-safe terminal restore used when a signal ends the program.
 */
#ifndef CONVTUTOR_CNCURSESW_SHIM_H
#define CONVTUTOR_CNCURSESW_SHIM_H

/* Without this, curses.h hides cchar_t, setcchar, wget_wch and the other wide-character calls. */
#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

/* The Glibc module does not export wcwidth. */
extern int wcwidth(wchar_t c);

/* MARK: - Globals and macros */

static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline WINDOW *cnc_curscr(void) { return curscr; }
static inline int cnc_cols(void) { return COLS; }
static inline int cnc_lines(void) { return LINES; }
static inline int cnc_colors(void) { return COLORS; }
static inline int cnc_color_pairs(void) { return COLOR_PAIRS; }

static inline void cnc_getmaxyx(WINDOW *window, int *y, int *x) {
    getmaxyx(window, *y, *x);
}

static inline attr_t cnc_a_normal(void) { return A_NORMAL; }
static inline attr_t cnc_a_bold(void) { return A_BOLD; }
static inline attr_t cnc_a_dim(void) { return A_DIM; }
static inline attr_t cnc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cnc_a_reverse(void) { return A_REVERSE; }
static inline attr_t cnc_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }

static inline int cnc_key_f(int n) { return KEY_F(n); }

/* The mouse events convtutor asks for: the primary button's press, and the wheel (buttons 4 and 5). */
static inline mmask_t cnc_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cnc_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t cnc_wheel_down(void) { return BUTTON5_PRESSED; }

/* newterm on the process's own terminal; Swift 6 rejects the stdin/stdout globals. */
static inline SCREEN *cnc_newterm(void) { return newterm(NULL, stdout, stdin); }

/* True when a terminfo string capability is present (tigetstr answers NULL or (char *)-1 otherwise). */
static inline int cnc_has_string_capability(const char *name) {
    const char *value = tigetstr(name);
    return value != NULL && value != (const char *)-1;
}

/* True when the current LC_CTYPE codeset is UTF-8. */
static inline int cnc_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/*
 * MARK: - Terminal restore on signals
 *
 * ncurses cannot be called from a signal handler, so the restore is precomputed: the tty's
 * termios saved before newterm, and the terminfo strings that leave curses mode (sgr0, cnorm,
 * rmkx, the mouse's off sequence while it is on, rmcup) copied into a static buffer after it.
 * The handler only calls async-signal-safe functions: tcsetattr, write, dup2, lseek, read,
 * close, sigaction and raise.
 *
 * The state below is `static`, so every object file that calls these functions gets its own
 * copy: call them all from ONE Swift source file (CursesBackend/SignalRestore.swift).
 */

/* SIGQUIT too: Ctrl-\ sends it from the keyboard in cbreak mode. */
static const int cnc_restore_signals[] = {
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE,
};
enum { CNC_RESTORE_SIGNAL_COUNT = sizeof cnc_restore_signals / sizeof cnc_restore_signals[0] };

/* Explicit initializers: Swift's Clang importer emits no storage for tentative definitions. */
static struct sigaction cnc_previous_actions[CNC_RESTORE_SIGNAL_COUNT] = {0};
static volatile sig_atomic_t cnc_installed[CNC_RESTORE_SIGNAL_COUNT] = {0};
static struct termios cnc_saved_termios = {0};
static volatile sig_atomic_t cnc_have_termios = 0;
static char cnc_sequence[512] = {0};
static volatile sig_atomic_t cnc_sequence_length = 0;
/* 1 while the terminal is in curses mode and must be restored if the program dies. */
static volatile sig_atomic_t cnc_armed = 0;
/* While the screen is up, fd 2 is an unlinked temporary file; this is the real stderr. */
static volatile sig_atomic_t cnc_real_stderr = -1;
static volatile sig_atomic_t cnc_stderr_log = -1;

/* Writes all of `length` bytes, retrying after signals. Async-signal-safe. */
static void cnc_write_all(int fd, const char *bytes, size_t length) {
    size_t done = 0;
    while (done < length) {
        ssize_t n = write(fd, bytes + done, length - done);
        if (n > 0) {
            done += (size_t)n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            break;
        }
    }
}

/*
 * Puts the real stderr back on fd 2 and copies to it what was written meanwhile. Async-signal-safe.
 * The Swift runtime prints "Fatal error: ..." just before it traps: on the alternate screen that
 * line would vanish with it, so it is held back and shown once the main screen is back.
 */
static void cnc_stderr_release(void) {
    int real = cnc_real_stderr, log = cnc_stderr_log;
    if (real < 0 || log < 0) return;
    cnc_real_stderr = -1;
    cnc_stderr_log = -1;
    dup2(real, STDERR_FILENO);
    close(real);
    char buffer[4096];
    if (lseek(log, 0, SEEK_SET) == 0) {
        ssize_t n;
        while ((n = read(log, buffer, sizeof buffer)) > 0) cnc_write_all(STDERR_FILENO, buffer, (size_t)n);
    }
    close(log);
}

/* Puts the tty back in its mode from before curses, once, then shows held-back stderr. Async-signal-safe. */
static void cnc_restore_now(void) {
    if (!cnc_armed) return;
    cnc_armed = 0;
    if (cnc_have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &cnc_saved_termios);
    cnc_write_all(STDOUT_FILENO, cnc_sequence, (size_t)cnc_sequence_length);
    cnc_stderr_release();
}

/*
 * Restores the terminal, then hands the signal on, re-raised: to the action it had before (the
 * default, so that a shell sees 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP; or the Swift
 * runtime's crash backtracer), except SIGQUIT, which always gets the default action: the
 * backtracer treats it as a crash, prints a report and lets the program run on, without its
 * terminal. The re-raised signal stays blocked until this handler returns and is then delivered
 * with the interrupted context, so a backtrace still starts at the faulting frame.
 */
static void cnc_signal_handler(int signal) {
    int saved_errno = errno;
    cnc_restore_now();
    for (int k = 0; k < CNC_RESTORE_SIGNAL_COUNT; k++) {
        if (cnc_restore_signals[k] != signal || !cnc_installed[k]) continue;
        if (signal == SIGQUIT) {
            struct sigaction fallback;
            memset(&fallback, 0, sizeof fallback);
            fallback.sa_handler = SIG_DFL;
            sigemptyset(&fallback.sa_mask);
            sigaction(signal, &fallback, NULL);
        } else {
            sigaction(signal, &cnc_previous_actions[k], NULL);
        }
        cnc_installed[k] = 0;
    }
    raise(signal);
    errno = saved_errno;
}

/*
 * Saves the tty mode and installs the handler for every restore signal (before newterm, so that
 * ncurses, which only catches signals still at SIG_DFL, leaves SIGINT and SIGTERM to us; it
 * keeps SIGTSTP, so Ctrl-Z and fg work, and SIGWINCH). Signals the parent set to SIG_IGN stay
 * ignored. Returns -1 if already installed.
 */
static inline int cnc_restore_install(void) {
    for (int k = 0; k < CNC_RESTORE_SIGNAL_COUNT; k++) {
        if (cnc_installed[k]) return -1;
    }
    cnc_have_termios = tcgetattr(STDIN_FILENO, &cnc_saved_termios) == 0;
    cnc_sequence_length = 0;
    cnc_armed = 1;
    /* A program that calls exit() with the screen still up gets its terminal back too. */
    static int at_exit_registered = 0;
    if (!at_exit_registered) at_exit_registered = atexit(cnc_restore_now) == 0;

    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cnc_signal_handler;
    /* The alternate stack, when the runtime set one up, lets the handler run on stack overflow. */
    action.sa_flags = SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    for (int k = 0; k < CNC_RESTORE_SIGNAL_COUNT; k++) sigaddset(&action.sa_mask, cnc_restore_signals[k]);

    for (int k = 0; k < CNC_RESTORE_SIGNAL_COUNT; k++) {
        struct sigaction previous;
        if (sigaction(cnc_restore_signals[k], NULL, &previous) != 0) continue;
        if (!(previous.sa_flags & SA_SIGINFO) && previous.sa_handler == SIG_IGN) continue;
        cnc_previous_actions[k] = previous;
        if (sigaction(cnc_restore_signals[k], &action, NULL) == 0) cnc_installed[k] = 1;
    }
    return 0;
}

/* Appends a terminfo string without its "$<n>" padding delays (they are for real serial lines). */
static inline void cnc_append_capability(char *buffer, int *length, int capacity, const char *name) {
    const char *value = tigetstr(name);
    if (value == NULL || value == (const char *)-1) return;
    for (const char *p = value; *p != '\0'; p++) {
        if (p[0] == '$' && p[1] == '<') {
            const char *end = strchr(p, '>');
            if (end != NULL) {
                p = end;
                continue;
            }
        }
        if (*length < capacity) buffer[(*length)++] = *p;
    }
}

/*
 * Appends what turns the xterm mouse off, as ncurses itself sends it: the entry's XM string with
 * the parameter 0 (ESC [ ? 1006 ; 1000 l for xterm-256color), else ESC [ ? 1000 l.
 */
static inline void cnc_append_mouse_off(char *buffer, int *length, int capacity) {
    const char *xm = tigetstr("XM");
    const char *off = xm != NULL && xm != (const char *)-1 ? tiparm(xm, 0) : NULL;
    if (off == NULL) off = "\033[?1000l";
    for (const char *p = off; *p != '\0' && *length < capacity; p++) buffer[(*length)++] = *p;
}

/*
 * Computes the bytes that leave curses mode, from the terminfo entry newterm loaded, turning the
 * mouse off too when `mouse` is non-zero. Call after newterm (again when the mouse goes on); until
 * then a signal restores the termios only.
 */
static inline void cnc_restore_prepare(int mouse) {
    char buffer[sizeof cnc_sequence];
    int length = 0, capacity = (int)sizeof buffer;
    /* CAN ends an escape sequence that a signal may have cut in half, so ours is read whole. */
    buffer[length++] = '\030';
    cnc_append_capability(buffer, &length, capacity, "sgr0");
    cnc_append_capability(buffer, &length, capacity, "cnorm");
    cnc_append_capability(buffer, &length, capacity, "rmkx");
    if (mouse) cnc_append_mouse_off(buffer, &length, capacity);
    if (cnc_has_string_capability("rmcup")) {
        /* Back on the main screen the cursor returns to where the program started. */
        cnc_append_capability(buffer, &length, capacity, "rmcup");
    } else if (length + 2 <= capacity) {
        /* Without an alternate screen, move off the last frame so the shell prompt starts clean. */
        buffer[length++] = '\r';
        buffer[length++] = '\n';
    }
    cnc_sequence_length = 0;
    memcpy(cnc_sequence, buffer, (size_t)length);
    cnc_sequence_length = length;
}

/*
 * Holds back what is written to stderr while the screen is up (it would land on the alternate
 * screen, between frames). Only when stderr is the terminal: a redirected stderr is left alone.
 */
static inline void cnc_stderr_hold(void) {
    if (cnc_real_stderr >= 0 || !isatty(STDERR_FILENO)) return;
    FILE *file = tmpfile();
    if (file == NULL) return;
    int log = dup(fileno(file));
    fclose(file);
    int real = dup(STDERR_FILENO);
    if (log < 0 || real < 0 || dup2(log, STDERR_FILENO) < 0) {
        if (log >= 0) close(log);
        if (real >= 0) close(real);
        return;
    }
    cnc_stderr_log = log;
    cnc_real_stderr = real;
}

/*
 * After endwin: stops restoring on signals, gives stderr back (showing what it held) and every
 * restore signal its previous action. ncurses' own SIGTSTP and SIGWINCH handlers stay: it
 * installs them once per process, they do nothing without a screen, and a second newterm needs
 * them.
 */
static inline void cnc_restore_uninstall(void) {
    cnc_armed = 0;
    cnc_stderr_release();
    for (int k = 0; k < CNC_RESTORE_SIGNAL_COUNT; k++) {
        if (cnc_installed[k]) {
            sigaction(cnc_restore_signals[k], &cnc_previous_actions[k], NULL);
            cnc_installed[k] = 0;
        }
    }
}

#endif
