savedcmd_drivers/net/phy/ax88796b_rust.o := RUST_MODFILE=drivers/net/phy/ax88796b_rust rustc --edition=2021 -Zbinary_dep_depinfo=y -Astable_features -Dnon_ascii_idents -Dunsafe_op_in_unsafe_fn -Wmissing_docs -Wrust_2018_idioms -Wunreachable_pub -Cpanic=abort -Cembed-bitcode=n -Clto=n -Cforce-unwind-tables=n -Ccodegen-units=1 -Csymbol-mangling-version=v0 -Crelocation-model=static -Zfunction-sections=n -Wclippy::float_arithmetic --target=./scripts/target.json -Ctarget-feature=-mmx,+soft-float -Zcf-protection=branch -Zno-jump-tables -Ctarget-cpu=x86-64 -Ztune-cpu=generic -Cno-redzone=y -Ccode-model=kernel -Copt-level=2 -Cdebug-assertions=n -Coverflow-checks=y @./include/generated/rustc_cfg -Zallow-features=arbitrary_self_types,lint_reasons,used_with_arg -Zcrate-attr=no_std -Zcrate-attr='feature(arbitrary_self_types,lint_reasons,used_with_arg)' -Zunstable-options --extern kernel --crate-type rlib -L ./rust/ --crate-name ax88796b_rust --sysroot=/dev/null --out-dir ./drivers/net/phy/ --emit=dep-info=drivers/net/phy/.ax88796b_rust.o.d --emit=obj=drivers/net/phy/ax88796b_rust.o drivers/net/phy/ax88796b_rust.rs ; ./tools/objtool/objtool --hacks=jump_label --hacks=noinstr --orc --retpoline --rethunk --sls --static-call --uaccess --prefix=16 drivers/net/phy/ax88796b_rust.o

source_drivers/net/phy/ax88796b_rust.o := drivers/net/phy/ax88796b_rust.rs

deps_drivers/net/phy/ax88796b_rust.o := \
  rust/libkernel.rmeta \
  rust/libmacros.so \

drivers/net/phy/ax88796b_rust.o: $(deps_drivers/net/phy/ax88796b_rust.o)

$(deps_drivers/net/phy/ax88796b_rust.o):
