savedcmd_drivers/ti/cpdma.o := gcc -Wp,-MMD,x.d -nostdinc -DKBUILD_MODFILE='"drivers/ti/ti_cpsw drivers/ti/ti_emac"' -DKBUILD_MODNAME='"ti_cpsw:ti_emac"' -c -o drivers/ti/cpdma.o x.c

source_drivers/ti/cpdma.o := x.c
