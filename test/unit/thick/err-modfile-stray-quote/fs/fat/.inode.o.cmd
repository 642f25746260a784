savedcmd_fs/fat/inode.o := gcc -Wp,-MMD,x.d -nostdinc -DKBUILD_MODFILE='"fs/fat/fat -DKBUILD_MODNAME='"fat"' -c -o fs/fat/inode.o x.c

source_fs/fat/inode.o := x.c
