/*
 * A stand-in for CUDA 13's libcublas.so.13 on machines without a GPU, for tests of the two cuBLAS bindings
 * (CublasFakeLibrariesTest): the functions the cross-sectional engine calls, computed on host memory with the
 * reference BLAS definitions (column-major, alpha and beta honoured), under version node "libcublas.so.13" as the
 * real library has them. The "device pointers" the tests pass are host addresses.
 */
#include <stdlib.h>

typedef void *cublasHandle_t;
static int handles;

int cublasGetProperty(int type, int *value) {
    if (type < 0 || type > 2) return 7;
    static const int version[] = {13, 0, 77};
    *value = version[type];
    return 0;
}

int cublasCreate_v2(cublasHandle_t *handle) {
    *handle = malloc(16);
    handles++;
    return 0;
}

int cublasDestroy_v2(cublasHandle_t handle) {
    if (handle == NULL || handles == 0) return 1;
    free(handle);
    handles--;
    return 0;
}

/* element (r, c) of a column-major matrix, op(X) = X or its transpose */
#define AT(x, ld, r, c) ((x)[(long) (c) * (ld) + (r)])

int cublasDsyrk_v2(cublasHandle_t h, int uplo, int trans, int n, int k, const double *alpha, const double *a, int lda,
                   const double *beta, double *c, int ldc) {
    if (h == NULL || n < 0 || k < 0 || lda < (trans == 0 ? n : k) || ldc < n) return 7;
    for (int j = 0; j < n; j++) {
        for (int i = 0; i < n; i++) {
            if (uplo == 0 ? i < j : i > j) continue;   /* 0: lower, 1: upper */
            double s = 0;
            for (int p = 0; p < k; p++) s += trans == 0 ? AT(a, lda, i, p) * AT(a, lda, j, p) : AT(a, lda, p, i) * AT(a, lda, p, j);
            AT(c, ldc, i, j) = *alpha * s + (*beta == 0 ? 0 : *beta * AT(c, ldc, i, j));
        }
    }
    return 0;
}

int cublasDgemm_v2(cublasHandle_t h, int transa, int transb, int m, int n, int k, const double *alpha, const double *a, int lda,
                   const double *b, int ldb, const double *beta, double *c, int ldc) {
    if (h == NULL || m < 0 || n < 0 || k < 0 || ldc < m) return 7;
    for (int j = 0; j < n; j++) {
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int p = 0; p < k; p++) {
                double x = transa == 0 ? AT(a, lda, i, p) : AT(a, lda, p, i);
                double y = transb == 0 ? AT(b, ldb, p, j) : AT(b, ldb, j, p);
                s += x * y;
            }
            AT(c, ldc, i, j) = *alpha * s + (*beta == 0 ? 0 : *beta * AT(c, ldc, i, j));
        }
    }
    return 0;
}
