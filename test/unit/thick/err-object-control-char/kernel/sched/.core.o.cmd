savedcmd_kernel/sched/core.o := gcc -Wp,-MMD,x.d -nostdinc -DKBUILD_MODFILE='"kernel/sched/core"' -DKBUILD_BASENAME='"core"' -c -o kernel/sched/core.o x.c

source_kernel/sched/core.o := x.c
