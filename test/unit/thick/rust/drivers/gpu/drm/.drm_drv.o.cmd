savedcmd_drivers/gpu/drm/drm_drv.o := gcc -Wp,-MMD,drivers/gpu/drm/.drm_drv.o.d -nostdinc -DKBUILD_MODFILE='"drivers/gpu/drm/drm"' -DKBUILD_BASENAME='"drm_drv"' -DKBUILD_MODNAME='"drm"' -D__KBUILD_MODNAME=kmod_drm -c -o drivers/gpu/drm/drm_drv.o drivers/gpu/drm/drm_drv.c

source_drivers/gpu/drm/drm_drv.o := drivers/gpu/drm/drm_drv.c
