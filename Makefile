# goi - build, test, install.  See README.md: `make demo`, `make check`.

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
DESTDIR    ?=

CC       ?= cc
CFLAGS   ?= -O2 -g
WFLAGS    = -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L
PKG_CONFIG ?= pkg-config
UTF8PROC_CFLAGS := $(shell $(PKG_CONFIG) --cflags libutf8proc 2>/dev/null)
UTF8PROC_LIBS   := $(shell $(PKG_CONFIG) --libs libutf8proc 2>/dev/null || echo -lutf8proc)
LDLIBS   += $(UTF8PROC_LIBS) -lcsv

ifeq ($(SAN),1)
CFLAGS   += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=undefined
LDFLAGS  += -fsanitize=address,undefined
endif

ALL_CFLAGS = $(WFLAGS) -Ilib $(UTF8PROC_CFLAGS) $(CFLAGS)

LIB_SRC  := $(sort $(wildcard lib/*.c))
LIB_OBJ  := $(LIB_SRC:.c=.o)
CMD_SRC  := $(sort $(wildcard cmd/goi-*.c))
TOOLS    := $(CMD_SRC:.c=)
MANS     := $(sort $(wildcard man/*.1 man/*.7))
BATS     ?= bats
BATSFLAGS ?= --tap

# Rebuild everything when the flags change (plain vs SAN=1 builds).
FLAGSTAMP := .build-flags
BUILDFLAGS = $(CC) $(ALL_CFLAGS) $(LDFLAGS) $(LDLIBS)
MAKEFLAGS += -r

$(FLAGSTAMP): FORCE
	@echo '$(BUILDFLAGS)' | cmp -s - $@ || echo '$(BUILDFLAGS)' > $@

.PHONY: FORCE all deps check demo install uninstall clean bench fuzz

all: deps-quiet $(TOOLS)

lib/%.o: lib/%.c lib/goi.h $(wildcard lib/*.h) $(FLAGSTAMP)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

lib/libgoi.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

cmd/goi-%: cmd/goi-%.c lib/libgoi.a lib/goi.h $(FLAGSTAMP)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< lib/libgoi.a $(LDLIBS)

# Installs what a fresh Debian machine lacks (as root), else says the command.
deps:
	@sh tools/deps.sh

deps-quiet:
	@sh tools/deps.sh -q

check: all
	GOI_CC='$(CC)' GOI_CFLAGS='$(CFLAGS)' GOI_LDFLAGS='$(LDFLAGS)' \
		$(BATS) $(BATSFLAGS) tests

demo: all
	@sh tools/demo.sh

bench: all
	@$(MAKE) -C bench

fuzz:
	@$(MAKE) -C fuzz

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(BASHCOMPDIR) \
		$(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(TOOLS) $(DESTDIR)$(BINDIR)
	for m in $(MANS); do \
		s=$${m##*.}; install -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s; done
	for f in completions/bash/*; do [ -f "$$f" ] && \
		install -m 644 $$f $(DESTDIR)$(BASHCOMPDIR); done; true
	for f in completions/zsh/*; do [ -f "$$f" ] && \
		install -m 644 $$f $(DESTDIR)$(ZSHCOMPDIR); done; true
	for f in completions/fish/*; do [ -f "$$f" ] && \
		install -m 644 $$f $(DESTDIR)$(FISHCOMPDIR); done; true

uninstall:
	for t in $(notdir $(TOOLS)); do rm -f $(DESTDIR)$(BINDIR)/$$t; done
	for m in $(notdir $(MANS)); do s=$${m##*.}; \
		rm -f $(DESTDIR)$(MANDIR)/man$$s/$$m; done
	for f in $(notdir $(wildcard completions/bash/*)); do \
		rm -f $(DESTDIR)$(BASHCOMPDIR)/$$f; done
	for f in $(notdir $(wildcard completions/zsh/*)); do \
		rm -f $(DESTDIR)$(ZSHCOMPDIR)/$$f; done
	for f in $(notdir $(wildcard completions/fish/*)); do \
		rm -f $(DESTDIR)$(FISHCOMPDIR)/$$f; done

clean:
	rm -f lib/*.o lib/libgoi.a $(TOOLS) $(FLAGSTAMP)
