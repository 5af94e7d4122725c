/*
 * A forwarding libcublas.so.12 for running JCublas 12.6 on a machine that has only CUDA 13's cuBLAS
 * (libcublas.so.13). JCublas's native library (libJCublas2-12.6.0-linux-x86_64.so) needs libcublas.so.12 and
 * symbols of version node "libcublas.so.12"; this library has that soname and that node, and exports the
 * functions HybridTA's cross-sectional engine calls through JCublas, each a trampoline to the function of the same
 * name in libcublas.so.13, found with dlopen/dlsym on first use. Every other function of JCublas stays unresolved:
 * the JVM loads JNI libraries with RTLD_LAZY and JCublas binds every cuBLAS function lazily (R_X86_64_JUMP_SLOT, no
 * GLOB_DAT), so only a call to one of them fails ("symbol lookup error"), never the load.
 *
 * The signatures of these five functions are the same in cuBLAS 12 and 13 (handle, enums as int, pointers, ints),
 * and their enum values (CUBLAS_OP_N/T = 0/1, CUBLAS_FILL_MODE_LOWER = 0, the libraryPropertyType values 0..2) too.
 * For tests and the GPU machine only: not part of HybridTA's product path (that is JavaCPP's CUDA 13 presets).
 *
 * Build: ./build.sh OUTDIR  (gcc, -ldl); use: LD_LIBRARY_PATH=OUTDIR:$LD_LIBRARY_PATH
 * The target may be moved with HYBRIDTA_CUBLAS_TARGET=/path/to/libcublas.so.13 (tests point it at a fake).
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

typedef void *cublasHandle_t;
typedef int cublasStatus_t;
#define CUBLAS_STATUS_NOT_INITIALIZED 1

static void *target;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void open_target(void) {
    const char *name = getenv("HYBRIDTA_CUBLAS_TARGET");
    if (name == NULL || *name == '\0') name = "libcublas.so.13";
    target = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (target == NULL) fprintf(stderr, "hybridta cublas12 shim: cannot load %s: %s\n", name, dlerror());
}

static void *resolve(const char *symbol) {
    pthread_once(&once, open_target);
    if (target == NULL) return NULL;
    void *f = dlsym(target, symbol);
    if (f == NULL) fprintf(stderr, "hybridta cublas12 shim: %s is not in the target cuBLAS: %s\n", symbol, dlerror());
    return f;
}

/* One trampoline: resolves the target once (a race resolves it twice, to the same address), then forwards. */
#define FORWARD(ret, name, params, args)                                          \
    ret name params {                                                             \
        static ret (*volatile real) params;                                       \
        if (real == NULL) real = (ret (*) params) resolve(#name);                 \
        if (real == NULL) return CUBLAS_STATUS_NOT_INITIALIZED;                   \
        return real args;                                                         \
    }

FORWARD(cublasStatus_t, cublasGetProperty, (int type, int *value), (type, value))
FORWARD(cublasStatus_t, cublasCreate_v2, (cublasHandle_t *handle), (handle))
FORWARD(cublasStatus_t, cublasDestroy_v2, (cublasHandle_t handle), (handle))
FORWARD(cublasStatus_t, cublasDsyrk_v2,
        (cublasHandle_t h, int uplo, int trans, int n, int k, const double *alpha, const double *a, int lda,
         const double *beta, double *c, int ldc),
        (h, uplo, trans, n, k, alpha, a, lda, beta, c, ldc))
FORWARD(cublasStatus_t, cublasDgemm_v2,
        (cublasHandle_t h, int transa, int transb, int m, int n, int k, const double *alpha, const double *a, int lda,
         const double *b, int ldb, const double *beta, double *c, int ldc),
        (h, transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc))
