# kallmodsyms: project driver (not kbuild's).  See README.md.

# The kernel versions the series is made for, and the test kernel variants
# of each: 6.12's built with GCC and linked from vmlinux.o (ibt), built
# with clang and ld.lld, linked from vmlinux.o, and the debug kernel
# (llvm), and arm64's (cross-built, linked from vmlinux.a); 6.1's, named
# after it, linked from vmlinux.o.
KVERS         := 6.12 6.1
VARIANTS_6.12 := ibt llvm arm64
VARIANTS_6.1  := 6.1
kver-of = $(firstword $(foreach k,$(KVERS),$(if $(filter $(1),$(VARIANTS_$(k))),$(k))))

# KVER picks the version every target but check works on (default 6.12);
# VARIANT the test kernel (default the version's first), and implies KVER.
ifdef VARIANT
ifeq ($(call kver-of,$(VARIANT)),)
$(error VARIANT=$(VARIANT): no such test kernel; they are: $(foreach k,$(KVERS),$(VARIANTS_$(k))))
endif
KVER     ?= $(call kver-of,$(VARIANT))
endif
KVER     ?= 6.12
ifeq ($(filter $(KVER),$(KVERS)),)
$(error KVER=$(KVER): the series is for Linux $(KVERS))
endif
VARIANT  ?= $(firstword $(VARIANTS_$(KVER)))
ifneq ($(call kver-of,$(VARIANT)),$(KVER))
$(error VARIANT=$(VARIANT) is not a test kernel of Linux $(KVER), whose are: $(VARIANTS_$(KVER)))
endif

TARBALL  := /usr/src/linux-source-$(KVER).tar.xz
BUILD    := build
TREE     := $(BUILD)/linux-$(KVER)
SERIES   := $(BUILD)/series/v$(KVER)
# The architecture of each variant (test/arch.sh): x86_64 unless ARCH_<v>
# names another.  test/config/<arch>.config holds what only it has.
ARCH_arm64  := arm64
arch-of      = $(or $(ARCH_$(1)),x86_64)
TEST_ARCH   := $(call arch-of,$(VARIANT))
GUEST    := $(BUILD)/guest$(if $(filter 6.12,$(KVER)),,-$(KVER))$(if $(ARCH_$(VARIANT)),-$(ARCH_$(VARIANT)))
# A static busybox of the target for the initramfs: the host's on x86_64,
# else Debian's busybox-static of that architecture (test/deps.sh busybox).
BUSYBOX  := $(if $(ARCH_$(VARIANT)),$(BUILD)/busybox-$(ARCH_$(VARIANT))/bin/busybox,/bin/busybox)
FRAGS_ibt   := test/config/ibt.config
FRAGS_6.1   := test/config/ibt.config test/config/6.1.config
FRAGS_llvm  := test/config/ibt.config test/config/llvm.config test/config/debug.config \
               test/config/perf.config
FRAGS     = test/config/base.config test/config/$(call arch-of,$(1)).config $(FRAGS_$(1)) \
            $(KCONFIG_FRAGMENT)
# LLVM=1 for test/build-kernel.sh: the variant is built with clang and ld.lld.
LLVM_llvm   := 1

# make check covers every version, or only KVER when it is given, or only
# VARIANT (and its version) when that is given.
given        = $(filter command line environment,$(origin $(1)))
CHECK_KVERS := $(if $(call given,KVER)$(call given,VARIANT),$(KVER),$(KVERS))
# Of the variants, make check builds those that between them cover every
# axis, version, toolchain, architecture, link mode and debug kernel: all
# but ibt, each of whose traits two others have (GCC: arm64 and 6.1;
# x86_64: llvm and 6.1; vmlinux.o: llvm and 6.1; 6.12: llvm and arm64).
# make check VARIANT=ibt checks it alone.
UNCHECKED    := ibt
CHECK_VARIANTS := $(if $(call given,VARIANT),$(VARIANT),$(filter-out $(UNCHECKED),$(foreach k,$(CHECK_KVERS),$(VARIANTS_$(k)))))

GUEST_PROGS = $(GUEST)/kselftest/kallmodsyms/kallmodsyms_test \
              $(GUEST)/read-time $(GUEST)/stress

# What each variant adds to test/boot.sh's kernel command line.  llvm is
# also the debug variant (test/config/debug.config): a WARN() panics it.
# stress=<seconds> reaches test/guest/init, which then runs
# test/guest/stress.c that long.
BOOT_ARGS_ibt   := stress=60
BOOT_ARGS_llvm  := panic_on_warn=1 stress=60 perf=6
BOOT_ARGS_arm64 := stress=60
# perf, built static from the series' tree and from the pristine one
# (test/build-perf.sh), and its workload test/guest/perf-load.c, in
# the initramfs of the variants that run it (perf=<seconds> in their
# BOOT_ARGS): test/guest/init runs them, test/perf.sh checks the
# result.
PERF_VARIANTS := llvm
PERF      := $(BUILD)/perf
PERF_PROGS = $(if $(filter $(VARIANT),$(PERF_VARIANTS)),$(PERF)/perf $(PERF)/perf-upstream $(PERF)/perf-load)

# The debug kernel runs the guest checks several times slower.
BOOT_TIMEOUT_llvm := 600

.PHONY: all deps pristine series tree kernel guest boot run unit fuzz fuzz-replay check check-series bench bench-defconfig clean kver perf perf-check perf-unit

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
	@TEST_ARCH=$(TEST_ARCH) LLVM=$(LLVM_$(VARIANT)) test/build-kernel.sh $(TREE) $(BUILD)/$(VARIANT) $(call FRAGS,$(VARIANT))

guest: tree
	@TEST_ARCH=$(TEST_ARCH) test/build-guest.sh $(TREE) $(GUEST)

boot: guest $(BUSYBOX) $(if $(PERF_PROGS),perf)
	@BUSYBOX=$(BUSYBOX) test/mkinitramfs.sh $(BUILD)/$(VARIANT) $(BUILD)/$(VARIANT)/initramfs.cpio $(GUEST_PROGS) $(PERF_PROGS)
	@BOOT_ARGS="$(BOOT_ARGS_$(VARIANT))" \
		BOOT_TIMEOUT=$${BOOT_TIMEOUT:-$(or $(BOOT_TIMEOUT_$(VARIANT)),300)} test/boot.sh $(BUILD)/$(VARIANT) $(BUILD)/$(VARIANT)/initramfs.cpio $(BUILD)/$(VARIANT)/guest

$(BUILD)/busybox-%/bin/busybox:
	@test/deps.sh busybox $* $(BUILD)/busybox-$*

# perf and perf-upstream, static, with perf-load (x86_64 only).
perf: tree
	@test/build-perf.sh $(TREE) $(PERF)

# The host-side perf checks on the last boot of the perf variant.
perf-check:
	@test/perf.sh $(BUILD)/$(PERF_VARIANTS) $(PERF)

# perf's reader of /proc/kallsyms and /proc/kallmodsyms on its fixtures.
perf-unit:
	@$(MAKE) -s tree KVER=6.12 VARIANT=ibt
	@test/perf-unit.sh $(BUILD)/linux-6.12 $(BUILD)/perf-unit

run: kernel boot
	@test/summary.sh $(BUILD)/$(VARIANT)

# The host unit tests run scripts/kallsyms of the 6.12 tree.
unit:
	@$(MAKE) -s tree KVER=6.12 VARIANT=ibt
	@test/unit.sh $(BUILD)/linux-6.12 $(BUILD)/unit $(CASES)

# The host tools built with -fsanitize=address,undefined: AFL++ for FUZZ_TIME
# seconds on each input kind (KINDS: all of them, see test/README), or the
# replay of the seed corpora and their bounded mutations that make check runs.
FUZZ_TIME ?= 300
fuzz:
	@test/deps.sh fuzz
	@$(MAKE) -s tree KVER=6.12 VARIANT=ibt
	@FUZZ_TIME=$(FUZZ_TIME) test/fuzz.sh $(BUILD)/linux-6.12 $(BUILD)/fuzz afl $(KINDS)

fuzz-replay:
	@$(MAKE) -s tree KVER=6.12 VARIANT=ibt
	@test/fuzz.sh $(BUILD)/linux-6.12 $(BUILD)/fuzz replay $(KINDS)

check: deps
	@KVERS="$(CHECK_KVERS)" PERF_VARIANTS="$(PERF_VARIANTS)" test/check.sh $(BUILD) $(CHECK_VARIANTS)

# Every prefix of the series builds; so does the whole with the option off.
check-series: tree
	@TEST_ARCH=$(TEST_ARCH) LLVM=$(LLVM_$(VARIANT)) test/check-series.sh $(TREE) $(BUILD) $(call FRAGS,$(VARIANT))

bench:
	@test/bench.sh $(BUILD)/$(VARIANT)
	@test/layers.sh $(BUILD)/$(VARIANT)

# x86_64 defconfig + KALLSYMS_ALL, for the figures only (not in check).
DEFCONFIG := $(BUILD)/defconfig$(if $(filter 6.12,$(KVER)),,-$(KVER))
bench-defconfig: tree
	@KBASE=defconfig test/build-kernel.sh $(TREE) $(DEFCONFIG) test/config/defconfig.config \
		$(filter test/config/$(KVER).config,$(wildcard test/config/*.config))
	@test/bench.sh $(DEFCONFIG)
	@test/layers.sh $(DEFCONFIG)

# The kernel version of VARIANT, for test/check.sh.
kver:
	@echo $(KVER)

clean:
	rm -rf $(BUILD)
