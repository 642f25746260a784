# What the harness needs to know of a test kernel's architecture; sourced
# by the scripts that build, boot and inspect a test kernel.
#
# arch_set <arch>: the architecture of a variant (the Makefile's
#   ARCH_<variant>: x86_64, the default, or arm64); sets
#     KARCH          kbuild's ARCH ("": the host's, x86)
#     CROSS_COMPILE  the prefix of its toolchain ("": the host's)
#     KIMAGE         the image make builds and QEMU boots
#     QEMU           the QEMU command, machine and CPU included
#     CONSOLE        the serial console the kernel writes to
#     NM, AR, SIZE   binutils for its objects
# arch_of <objdir>: arch_set for the architecture of a configured objdir.

arch_set() {
	case ${1:-x86_64} in
	x86_64)
		KARCH= CROSS_COMPILE=
		KIMAGE=arch/x86/boot/bzImage
		QEMU="qemu-system-x86_64 -accel tcg"
		CONSOLE=ttyS0 ;;
	arm64)
		KARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-
		KIMAGE=arch/arm64/boot/Image
		QEMU="qemu-system-aarch64 -M virt -cpu max -accel tcg"
		CONSOLE=ttyAMA0 ;;
	*)
		echo "arch: $1: not an architecture of the test kernels (x86_64, arm64)" >&2
		return 1 ;;
	esac
	NM=${CROSS_COMPILE}nm AR=${CROSS_COMPILE}ar SIZE=${CROSS_COMPILE}size
}

arch_of() {
	if grep -q '^CONFIG_ARM64=y' "$1/.config" 2>/dev/null; then
		arch_set arm64
	else
		arch_set x86_64
	fi
}
