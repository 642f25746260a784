# kallmodsyms: project driver (not kbuild's).  See README.md.

KVER     := 6.12
TARBALL  := /usr/src/linux-source-$(KVER).tar.xz
BUILD    := build
TREE     := $(BUILD)/linux-$(KVER)
SERIES   := $(BUILD)/series/v$(KVER)
VARIANT  ?= ibt
VARIANTS := ibt noibt
FRAGS     = test/config/base.config test/config/$(1).config $(KCONFIG_FRAGMENT)

GUEST_PROGS = $(BUILD)/guest/kselftest/kallmodsyms/kallmodsyms_test \
              $(BUILD)/guest/read-time

.PHONY: all deps pristine series tree kernel guest boot run unit check check-series bench bench-defconfig clean

all: run

deps:
	@test/deps.sh

pristine: deps
	@test/unpack-tree.sh $(TARBALL) $(TREE)

series: pristine
	@test/mkseries.sh $(TREE) patches/v$(KVER) $(SERIES)

tree: series
	@test/apply-series.sh $(TREE) $(SERIES)

kernel: tree
	@test/build-kernel.sh $(TREE) $(BUILD)/$(VARIANT) $(call FRAGS,$(VARIANT))

guest: tree
	@test/build-guest.sh $(TREE) $(BUILD)/guest

boot: guest
	@test/mkinitramfs.sh $(BUILD)/$(VARIANT) $(BUILD)/$(VARIANT)/initramfs.cpio $(GUEST_PROGS)
	@test/boot.sh $(BUILD)/$(VARIANT) $(BUILD)/$(VARIANT)/initramfs.cpio $(BUILD)/$(VARIANT)/guest

run: kernel boot
	@test/summary.sh $(BUILD)/$(VARIANT)

unit: tree
	@test/unit.sh $(TREE) $(BUILD)/unit $(CASES)

check: deps
	@TREE=$(TREE) SERIES=$(SERIES) PATCHES=patches/v$(KVER) test/check.sh $(BUILD) $(VARIANTS)

# Every prefix of the series builds; so does the whole with the option off.
check-series: tree
	@test/check-series.sh $(TREE) $(BUILD) $(call FRAGS,ibt)

bench:
	@test/bench.sh $(BUILD)/$(VARIANT)
	@test/layers.sh $(BUILD)/$(VARIANT)

# x86_64 defconfig + KALLSYMS_ALL, for the figures only (not in check).
bench-defconfig: tree
	@KBASE=defconfig test/build-kernel.sh $(TREE) $(BUILD)/defconfig test/config/defconfig.config
	@test/bench.sh $(BUILD)/defconfig
	@test/layers.sh $(BUILD)/defconfig

clean:
	rm -rf $(BUILD)
