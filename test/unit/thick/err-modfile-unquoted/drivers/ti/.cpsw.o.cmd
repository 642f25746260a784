savedcmd_drivers/ti/cpsw.o := gcc -Wp,-MMD,x.d -nostdinc -DKBUILD_MODFILE='"drivers/ti/ti_cpsw"' -c -o drivers/ti/cpsw.o x.c

source_drivers/ti/cpsw.o := x.c
