savedcmd_arch/x86/entry/thunk.o := gcc -Wp,-MMD,x.d -nostdinc -D__ASSEMBLY__ -c -o arch/x86/entry/thunk.o x.c

source_arch/x86/entry/thunk.o := x.c
